"""A document as a provincial portal publishes it: the page chrome of ``sources/portal-page.tmpl``
around an attribute box ("Số/Ký hiệu", "Ngày ban hành", "Loại văn bản", "Cơ quan ban hành",
"Người ký", "Trích yếu" …) and the document's body as Word's "save as web page" writes it:
the header in a borderless ``<table>``, ``<p class=MsoNormal>`` paragraphs, the signature
beside "Nơi nhận" in a table with "(Đã ký)" where the signature was, and each data table as a
bordered ``<table>`` (group rows spanning the columns). The body comes from the same source as
the Word file (``admin_docs.py``), so the two forms carry the same document."""

from __future__ import annotations

from html import escape
from pathlib import Path
from string import Template

from admin_docs import (
    MOTTO,
    SOURCES,
    Block,
    DataTable,
    Header,
    Signature,
    Source,
    inline_spans,
    parse_body,
)

TEMPLATE = SOURCES / "portal-page.tmpl"
ATTRIBUTES = (
    ("Số/Ký hiệu", "number"),
    ("Ngày ban hành", "issued"),
    ("Ngày có hiệu lực", "effective"),
    ("Loại văn bản", "type"),
    ("Cơ quan ban hành", "issuer"),
    ("Người ký", "signer"),
    ("Trích yếu", "subject"),
    ("Lĩnh vực", "field"),
    ("Tình trạng hiệu lực", "status"),
)
LAYOUT_TABLE = (
    '<table class="MsoNormalTable" border="0" cellspacing="0" cellpadding="0" width="100%">'
)
PAGE_BREAK = '<br clear="all" style="page-break-before:always">'


def rich(text: str) -> str:
    """Inline **bold** and *italic* spans as <b> and <i>."""
    out = []
    for piece, bold, italic in inline_spans(text):
        html = escape(piece, quote=False)
        out.append(f"<b>{html}</b>" if bold else f"<i>{html}</i>" if italic else html)
    return "".join(out)


def para(text: str, style: str, *, bold: bool = False, italic: bool = False) -> str:
    inner = rich(text)
    if bold:
        inner = f"<b>{inner}</b>"
    if italic:
        inner = f"<i>{inner}</i>"
    return f'<p class="MsoNormal" style="{style}"><span lang="VI">{inner}</span></p>'


CENTER = "text-align:center"
BODY = "margin-top:6.0pt;text-align:justify;text-indent:1.0cm"


def header_html(header: Header) -> str:
    """The two header columns in a borderless table (number and date in a second row if the
    Word file has them there)."""
    issuer = "<br>".join(rich(line) for line in header.left)
    left = [f'<p class="MsoNormal" style="{CENTER}">{issuer}</p>',
            f'<p class="MsoNormal" style="{CENTER}">-------</p>']
    right = [f'<p class="MsoNormal" style="{CENTER}"><b>{MOTTO[0]}<br>{MOTTO[1]}</b></p>',
             f'<p class="MsoNormal" style="{CENTER}">---------------</p>']
    lower_left = []
    if header.number:
        lower_left.append(para(header.number, CENTER))
    if header.subject:
        lower_left.append(para(" ".join(header.subject), CENTER))
    lower_right = [para(header.place_date, CENTER, italic=True)] if header.place_date else []
    rows = [(left, right)]
    if header.rows == 2:
        rows.append((lower_left, lower_right))
    else:
        rows = [(left + lower_left, right + lower_right)]
    cells = "".join(
        f'<tr><td width="40%" valign="top">{"".join(a)}</td>'
        f'<td width="60%" valign="top">{"".join(b)}</td></tr>'
        for a, b in rows
    )
    mark = f'<p class="MsoNormal" style="text-align:right"><b>{header.mark}</b></p>'
    return (mark if header.mark else "") + f"{LAYOUT_TABLE}{cells}</table>"


def signature_html(signature: Signature) -> str:
    """'Nơi nhận' beside the signature block, with the web copy's "(Đã ký)"."""
    recipients = "<br>".join(escape(line) for line in signature.recipients)
    left = (
        '<p class="MsoNormal"><b><i>Nơi nhận:</i></b><br>'
        f'<span style="font-size:11.0pt">{recipients}</span></p>'
    )
    lines = "<br>".join(escape(line) for line in signature.lines)
    right = (
        f'<p class="MsoNormal" style="{CENTER}"><b>{lines}</b></p>'
        f'<p class="MsoNormal" style="{CENTER}"><i>{escape(signature.signed_note)}</i></p>'
        f'<p class="MsoNormal" style="{CENTER}"><b>{escape(signature.name)}</b></p>'
    )
    return (
        f'{LAYOUT_TABLE}<tr><td width="50%" valign="top">{left}</td>'
        f'<td width="50%" valign="top">{right}</td></tr></table>'
    )


def table_html(spec: DataTable) -> str:
    """A bordered table; a group row's last cell spans the remaining columns."""
    width = sum(spec.widths)
    head = "".join(
        f'<td width="{round(100 * w / width)}%" valign="middle">'
        f'<p class="MsoNormal" style="{CENTER}"><b>{escape(text)}</b></p></td>'
        for w, text in zip(spec.widths, spec.header, strict=True)
    )
    rows = [f"<tr>{head}</tr>"]
    columns = len(spec.header)
    for index, cells in enumerate(spec.rows):
        bold = len(cells) < columns or (spec.bold_last and index == len(spec.rows) - 1)
        out = []
        for col, text in enumerate(cells):
            span = columns - col if col == len(cells) - 1 and len(cells) < columns else 1
            align = "left" if span > 1 or not spec.aligns else spec.aligns[col]
            align = "center" if col == 0 else align
            inner = "<br>".join(escape(line) for line in text.split("\n"))
            if bold:
                inner = f"<b>{inner}</b>"
            colspan = f' colspan="{span}"' if span > 1 else ""
            out.append(
                f'<td{colspan} valign="top">'
                f'<p class="MsoNormal" style="text-align:{align}">{inner}</p></td>'
            )
        rows.append(f"<tr>{''.join(out)}</tr>")
    return (
        '<table class="MsoTableGrid" border="1" cellspacing="0" cellpadding="4" '
        f'style="border-collapse:collapse">{"".join(rows)}</table>'
    )


def block_html(source: Source, block: Block) -> str:
    """One body block of the markup as HTML ('' for what a web copy leaves out)."""
    match block.kind:
        case "header":
            return header_html(source.headers[block.text])
        case "signature":
            return signature_html(source.signatures[block.text])
        case "table":
            return table_html(source.tables[block.text])
        case "page":
            return PAGE_BREAK
        case "rule":
            return ""
        case "center":
            return para(block.text, CENTER, bold=True)
        case "center-italic":
            return para(block.text, CENTER, italic=True)
        case "center-plain":
            return para(block.text, CENTER)
        case "indent1" | "indent2":
            left = "2.5cm" if block.kind == "indent1" else "4.5cm"
            return para(block.text, f"margin-left:{left}")
        case "italic":
            return para(block.text, BODY, italic=True)
        case "heading":
            return para(block.text, BODY, bold=True)
        case "text":
            return para(block.text, BODY)
    raise ValueError(f"{source.slug}: unknown body block @{block.kind}")


def build_portal_page(source: Source) -> str:
    """The whole page for a source with a [portal] table."""
    portal = source.portal
    attributes = "\n".join(
        f'        <div class="vb-attr-row"><span class="vb-attr-label">{label}:</span> '
        f'<span class="vb-attr-value">{escape(portal[key])}</span></div>'
        for label, key in ATTRIBUTES
    )
    body = "\n".join(
        html for html in (block_html(source, b) for b in parse_body(source.body)) if html
    )
    page_title = f"{portal['type']} {portal['number']} {portal['subject']}"
    return Template(TEMPLATE.read_text("utf-8")).substitute(
        page_title=escape(page_title),
        site=escape(portal["site"]),
        site_upper=escape(portal["site"].upper()),
        subject=escape(portal["subject"]),
        attributes=attributes,
        download=escape(portal["download"]),
        download_name=escape(Path(portal["download"]).name),
        body=body,
    )
