#!/usr/bin/python3
"""Writes the package adapter's corpus (test/fixtures/corpus): a plan table with the features real
plan workbooks carry, as openpyxl writes it, and as an .xlsm with a VBA part. LibreOffice's copy is
made by make_corpus.sh. Run with the system python (python3-openpyxl); no Pillow needed."""
import base64
import io
import sys
import zipfile
from datetime import date

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.comments import Comment
from openpyxl.drawing.image import Image
from openpyxl.formatting.rule import DataBarRule
from openpyxl.styles import PatternFill
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.table import Table, TableStyleInfo

OUT = sys.argv[1] if len(sys.argv) > 1 else "test/fixtures/corpus"

# A 1x1 red PNG: openpyxl's Image wants Pillow only to learn the size and format.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg=="
)


class RawPng(Image):
    def __init__(self, data, width, height):
        self.ref = io.BytesIO(data)
        self._bytes = data
        self.width, self.height = width, height
        self.format = "png"
        self.anchor = "A1"

    def _data(self):
        return self._bytes


UNITS = ["区发改局", "区交通运输局", "区水利局", "区住建局"]


def plan_workbook():
    wb = Workbook()
    ws = wb.active
    ws.title = "重点项目"
    ws.append(["序号", "项目名称", "总投资(万元)", "计划节点", "是否完成", "责任单位"])
    for i in range(1, 21):
        ws.append([i, f"项目{i}", 1000 * i, date(2023, 1 + (i % 12), 28), "已完成" if i % 4 == 0 else "推进中", UNITS[i % 4]])
    for row in ws.iter_rows(min_row=2, max_row=21, min_col=4, max_col=4):
        for c in row:
            c.number_format = "yyyy/m/d"
    ws["B3"].fill = PatternFill("solid", fgColor="FFFFFF00")
    ws["B2"].comment = Comment("请核实项目名称", "张科长")
    ws["B4"].hyperlink = "https://example.org/project/3"
    dv = DataValidation(type="list", formula1='"已完成,推进中"', allow_blank=True)
    dv.add("E2:E21")
    ws.add_data_validation(dv)
    ws.conditional_formatting.add("C2:C21", DataBarRule(start_type="min", end_type="max", color="638EC6"))
    table = Table(displayName="计划表", ref="A1:F21")
    table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
    ws.add_table(table)
    ws.freeze_panes = "A2"
    ws.print_title_rows = "1:1"
    ws.column_dimensions["B"].width = 24
    img = RawPng(PNG, 40, 40)
    ws.add_image(img, "J2")

    stats = wb.create_sheet("统计")
    stats.append(["责任单位", "项目数"])
    for u in UNITS:
        stats.append([u, 5])
    stats.auto_filter.ref = "A1:B5"
    chart = BarChart()
    chart.title = "各单位项目数"
    chart.add_data(Reference(stats, min_col=2, min_row=1, max_row=5), titles_from_data=True)
    chart.set_categories(Reference(stats, min_col=1, min_row=2, max_row=5))
    stats.add_chart(chart, "D2")
    wb.defined_names.append(DefinedName("项目范围", attr_text="重点项目!$A$1:$F$21"))
    return wb


def with_vba(xlsx_path, xlsm_path):
    """The same workbook as .xlsm with a VBA part (its bytes a stand-in: no macro runs in tests)."""
    with zipfile.ZipFile(xlsx_path) as src, zipfile.ZipFile(xlsm_path, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(
                    b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                    b"application/vnd.ms-excel.sheet.macroEnabled.main+xml",
                ).replace(
                    b"</Types>",
                    b'<Override PartName="/xl/vbaProject.bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>',
                )
            if item.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>',
                )
            dst.writestr(item, data)
        dst.writestr("xl/vbaProject.bin", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))


if __name__ == "__main__":
    path = f"{OUT}/openpyxl-features.xlsx"
    plan_workbook().save(path)
    with_vba(path, f"{OUT}/openpyxl-features-vba.xlsm")
