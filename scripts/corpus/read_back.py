#!/usr/bin/python3
"""An independent reader for the package adapter's corpus test: prints, as JSON, each sheet's
names, and for the sheet given, the status column's values and the fill colour of column B."""
import json
import sys
import warnings

import openpyxl

warnings.simplefilter("ignore")
path, sheet, status_col = sys.argv[1], sys.argv[2], int(sys.argv[3])
wb = openpyxl.load_workbook(path)
ws = wb[sheet]
rows = range(1, ws.max_row + 1)
print(
    json.dumps(
        {
            "sheets": wb.sheetnames,
            "status": [ws.cell(r, status_col).value for r in rows],
            "fillB": [ws.cell(r, 2).fill.fgColor.rgb if ws.cell(r, 2).fill.fill_type == "solid" else None for r in rows],
            "tables": sorted(ws.tables.keys()),
            "validations": len(ws.data_validations.dataValidation),
            "printTitles": ws.print_title_rows,
        },
        ensure_ascii=False,
    )
)
