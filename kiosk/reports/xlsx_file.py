"""A workbook of plain tables written straight as SpreadsheetML, for exports of 100,000 rows.

A general writer (XlsxWriter) spends ~10 µs on each cell checking and wrapping it; a register
row here is built as one string, so the export of a province's day costs little more than
reading it. What the exports need and nothing else: one sheet per table, a bold wrapped header
row, frozen and repeated on every printed page, column widths, A4 landscape one page wide,
numbers, dates and text (inline strings, in the order written) and a few number formats.
"""

from __future__ import annotations

import contextlib
import re
import zipfile
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from xml.sax.saxutils import escape

MAX_TEXT = 32_767  # a cell's limit in Excel
ROWS_PER_WRITE = 2_000
# Characters XML 1.0 cannot carry: written as Excel's own _xHHHH_ escapes.
NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELATIONS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE = "http://schemas.openxmlformats.org/package/2006"
HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
DEFAULT_STYLE, HEADER_STYLE = 0, 1
FIRST_CUSTOM_FORMAT = 164  # below are Excel's built-in number formats


def column_letters(count: int) -> list[str]:
    letters = []
    for index in range(count):
        name, number = "", index + 1
        while number:
            number, rest = divmod(number - 1, 26)
            name = chr(65 + rest) + name
        letters.append(name)
    return letters


def text_xml(value: str) -> str:
    """The inline string of a cell: escaped, control characters as _xHHHH_, spaces kept."""
    if len(value) > MAX_TEXT:
        value = value[:MAX_TEXT]
    text = escape(value)
    if NOT_IN_XML.search(text):
        text = NOT_IN_XML.sub(lambda m: f"_x{ord(m.group()):04X}_", text)
    space = ' xml:space="preserve"' if value[:1].isspace() or value[-1:].isspace() else ""
    return f'" t="inlineStr"><is><t{space}>{text}</t></is></c>'


class Styles:
    """The cell formats in use: 0 plain, 1 the header, then one per number format asked for."""

    def __init__(self) -> None:
        self.formats: dict[str, int] = {}

    def number(self, number_format: str) -> int:
        if number_format not in self.formats:
            self.formats[number_format] = 2 + len(self.formats)
        return self.formats[number_format]

    def xml(self) -> str:
        formats = "".join(
            f'<numFmt numFmtId="{FIRST_CUSTOM_FORMAT + n}" formatCode={_attribute(code)}/>'
            for n, code in enumerate(self.formats)
        )
        number_xfs = "".join(
            f'<xf numFmtId="{FIRST_CUSTOM_FORMAT + n}" fontId="0" fillId="0" borderId="0" '
            'xfId="0" applyNumberFormat="1"/>'
            for n in range(len(self.formats))
        )
        return (
            f'{HEAD}<styleSheet xmlns="{MAIN}">'
            + (f'<numFmts count="{len(self.formats)}">{formats}</numFmts>' if formats else "")
            + '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
            '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
            '<fills count="2"><fill><patternFill patternType="none"/></fill>'
            '<fill><patternFill patternType="gray125"/></fill></fills>'
            '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border>'
            "</borders>"
            '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'
            "</cellStyleXfs>"
            f'<cellXfs count="{2 + len(self.formats)}">'
            '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
            '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" '
            'applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>'
            f"{number_xfs}</cellXfs>"
            '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
            "</styleSheet>"
        )


class Workbook:
    """Sheets are written one after the other, each streamed into the zip file as it goes."""

    def __init__(self, path: Path, title: str) -> None:
        self.zip = zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1)
        self.title = title
        self.sheets: list[str] = []
        self.styles = Styles()

    def add_sheet(
        self,
        name: str,
        header: Sequence[str],
        widths: Sequence[int],
        rows: Iterable[Sequence[object]],
        cell_xml: Callable[[int, object, Sequence[object]], tuple[int, str] | None],
        rows_done: Callable[[int], None] = lambda count: None,
    ) -> None:
        """`cell_xml(column, value, row)` gives a value's style and XML text (after the
        reference), or None to leave the cell empty."""
        self.sheets.append(name)
        letters = column_letters(len(header))
        with self.zip.open(f"xl/worksheets/sheet{len(self.sheets)}.xml", "w") as out:
            cols = "".join(
                f'<col min="{n}" max="{n}" width="{w + 2.71:.2f}" customWidth="1"/>'
                for n, w in enumerate(widths, 1)
            )
            out.write(
                (
                    f'{HEAD}<worksheet xmlns="{MAIN}" xmlns:r="{RELATIONS}">'
                    '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>'
                    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" '
                    'topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
                    '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/>'
                    "</sheetView></sheetViews>"
                    f'<sheetFormatPr defaultRowHeight="15"/><cols>{cols}</cols><sheetData>'
                    '<row r="1">'
                    + "".join(
                        f'<c r="{letter}1" s="{HEADER_STYLE}{text_xml(str(text))}'
                        for letter, text in zip(letters, header, strict=True)
                    )
                    + "</row>"
                ).encode()
            )
            chunk: list[str] = []
            number = 1
            for number, row in enumerate(rows, 2):
                line = [f'<row r="{number}">']
                for column, value in enumerate(row):
                    if value is None:
                        continue
                    made = cell_xml(column, value, row)
                    if made is not None:
                        style, xml = made
                        line.append(f'<c r="{letters[column]}{number}" s="{style}{xml}')
                line.append("</row>")
                chunk.append("".join(line))
                if len(chunk) == ROWS_PER_WRITE:
                    out.write("".join(chunk).encode())
                    chunk.clear()
                    rows_done(number - 1)
            out.write("".join(chunk).encode())
            out.write(
                b'</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" '
                b'header="0.3" footer="0.3"/>'
                b'<pageSetup paperSize="9" orientation="landscape" fitToHeight="0"/>'
                b"</worksheet>"
            )

    def __enter__(self) -> Workbook:
        return self

    def __exit__(self, kind: type[BaseException] | None, *_rest: object) -> None:
        if kind is None:
            self.close()
        else:  # a full disk, say: let the caller report it, not a half-closed zip at exit
            with contextlib.suppress(OSError, ValueError):
                self.zip.close()

    def close(self) -> None:
        count = len(self.sheets)
        sheet_parts = "".join(
            f'<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            for n in range(1, count + 1)
        )
        self.zip.writestr(
            "[Content_Types].xml",
            f'{HEAD}<Types xmlns="{PACKAGE}/content-types">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            f"{sheet_parts}"
            '<Override PartName="/xl/styles.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
            '<Override PartName="/docProps/core.xml" '
            'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
            "</Types>",
        )
        self.zip.writestr(
            "_rels/.rels",
            f'{HEAD}<Relationships xmlns="{PACKAGE}/relationships">'
            f'<Relationship Id="rId1" Type="{RELATIONS}/officeDocument" '
            'Target="xl/workbook.xml"/>'
            f'<Relationship Id="rId2" Type="{PACKAGE}/relationships/metadata/'
            'core-properties" Target="docProps/core.xml"/></Relationships>',
        )
        self.zip.writestr(
            "docProps/core.xml",
            f"{HEAD}<cp:coreProperties "
            f'xmlns:cp="{PACKAGE}/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/">'
            f"<dc:title>{escape(self.title)}</dc:title></cp:coreProperties>",
        )
        sheets = "".join(
            f'<sheet name={_attribute(name)} sheetId="{n}" r:id="rId{n}"/>'
            for n, name in enumerate(self.sheets, 1)
        )
        # The header row printed on every page.
        titles = "".join(
            f'<definedName name="_xlnm.Print_Titles" localSheetId="{n}">'
            f"{escape(_quoted_sheet(name))}!$1:$1</definedName>"
            for n, name in enumerate(self.sheets)
        )
        self.zip.writestr(
            "xl/workbook.xml",
            f'{HEAD}<workbook xmlns="{MAIN}" xmlns:r="{RELATIONS}">'
            "<bookViews><workbookView/></bookViews>"
            f"<sheets>{sheets}</sheets><definedNames>{titles}</definedNames></workbook>",
        )
        relations = "".join(
            f'<Relationship Id="rId{n}" Type="{RELATIONS}/worksheet" '
            f'Target="worksheets/sheet{n}.xml"/>'
            for n in range(1, count + 1)
        )
        self.zip.writestr(
            "xl/_rels/workbook.xml.rels",
            f'{HEAD}<Relationships xmlns="{PACKAGE}/relationships">{relations}'
            f'<Relationship Id="rId{count + 1}" Type="{RELATIONS}/styles" '
            'Target="styles.xml"/></Relationships>',
        )
        self.zip.writestr("xl/styles.xml", self.styles.xml())
        self.zip.close()


def _attribute(value: str) -> str:
    """Double-quoted, as Excel writes its own: 0.0&quot; %&quot;."""
    return '"' + escape(value, {'"': "&quot;"}) + '"'


def _quoted_sheet(name: str) -> str:
    return "'" + name.replace("'", "''") + "'"
