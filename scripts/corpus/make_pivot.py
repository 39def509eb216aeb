#!/usr/bin/python3
"""Adds a pivot table to the corpus: LibreOffice (through its UNO bridge, Debian's python3-uno)
opens openpyxl's plan workbook, puts a DataPilot summing 总投资 by 责任单位 on a new sheet 透视,
and saves it as .xlsx, which writes the pivotCacheDefinition, pivotCacheRecords and pivotTable
parts Excel reads. openpyxl cannot create a pivot table, so this is how the corpus gets one.

Usage: make_pivot.py IN.xlsx OUT.xlsx"""
import os
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.table import CellAddress, CellRangeAddress


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def connect(pipe):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(100):
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except Exception:
            time.sleep(0.2)
    raise RuntimeError("LibreOffice did not answer on its pipe")


def main(src, out):
    pipe = f"tricolor_corpus_{os.getpid()}"
    profile = tempfile.mkdtemp(prefix="lo-profile-")
    office = subprocess.Popen([
        "soffice", "--headless", "--invisible", "--norestore", "--nologo",
        f"-env:UserInstallation=file://{profile}",
        f"--accept=pipe,name={pipe};urp;",
    ])
    try:
        ctx = connect(pipe)
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(src)), "_blank", 0, (prop("Hidden", True),))
        sheets = doc.Sheets
        source_index = [sheets.getByIndex(i).Name for i in range(sheets.Count)].index("重点项目")
        sheets.insertNewByName("透视", sheets.Count)
        target = sheets.getByName("透视")
        tables = target.getDataPilotTables()
        desc = tables.createDataPilotDescriptor()
        rng = CellRangeAddress()
        rng.Sheet, rng.StartColumn, rng.StartRow, rng.EndColumn, rng.EndRow = source_index, 0, 0, 5, 20
        desc.setSourceRange(rng)
        fields = desc.getDataPilotFields()
        unit = fields.getByIndex(5)
        unit.Orientation = uno.Enum("com.sun.star.sheet.DataPilotFieldOrientation", "ROW")
        amount = fields.getByIndex(2)
        amount.Orientation = uno.Enum("com.sun.star.sheet.DataPilotFieldOrientation", "DATA")
        amount.Function = uno.Enum("com.sun.star.sheet.GeneralFunction", "SUM")
        dest = CellAddress()
        dest.Sheet, dest.Column, dest.Row = sheets.Count - 1, 0, 0
        tables.insertNewByName("项目透视", dest, desc)
        doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(out)), (prop("FilterName", "Calc MS Excel 2007 XML"),))
        doc.close(True)
        try:
            desktop.terminate()
        except Exception:
            pass  # the bridge drops as LibreOffice exits
    finally:
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            office.kill()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
