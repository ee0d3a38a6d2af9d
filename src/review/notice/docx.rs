//! The notice as a Word document set as GB/T 9704-2012 sets 党政机关公文:
//! A4, margins 37/35/28/26 mm (top, bottom, left, right), the title in
//! 2号 (22 pt) 方正小标宋简体 centred, the body in 3号 (16 pt) 仿宋_GB2312
//! indented two characters, 22 lines a page at a fixed line height, 一、
//! headings in 黑体 and （一） in 楷体_GB2312, the page number at the foot
//! (`— 1 —`, odd pages at the right, even pages at the left). Fonts are
//! named in the East Asian slot, where Word and WPS look for Chinese; a
//! machine without them substitutes and still opens it.

use super::Notice;
use super::text::{Paragraph as Para, Role, paragraphs};
use crate::i18n::Lang;
use docx_rs::{
    AlignmentType, Docx, Footer, LineSpacing, LineSpacingType, PageMargin, PageNum, Paragraph, Run,
    RunFonts, SpecialIndentType, Table, TableAlignmentType, TableCell, TableRow,
};

/// Twips (1/1440 inch) in `mm` millimetres, rounded.
fn mm(mm: u32) -> i32 {
    // 1 mm = 1440 / 25.4 twips; integers only: (mm × 14400 + 127) / 254.
    i32::try_from((mm * 14_400 + 127) / 254).unwrap_or(i32::MAX)
}

/// A4 in twips.
pub const A4: (u32, u32) = (11_906, 16_838);
pub const TITLE_FONT: &str = "方正小标宋简体";
pub const BODY_FONT: &str = "仿宋_GB2312";
pub const HEADING_FONT: &str = "黑体";
pub const POINT_FONT: &str = "楷体_GB2312";
/// Latin letters and digits in the body.
const LATIN_FONT: &str = "Times New Roman";
/// Half-points: 2号 and 3号; the page number in 4号.
const TITLE_SIZE: usize = 44;
const BODY_SIZE: usize = 32;
const PAGE_NUMBER_SIZE: usize = 28;
/// 22 lines on the 225 mm of text height: 28.95 pt, exactly.
pub const LINE_TWIPS: i32 = 579;
/// Two characters of 16 pt.
const INDENT_TWIPS: i32 = 640;

fn fonts(east_asia: &str) -> RunFonts {
    RunFonts::new()
        .east_asia(east_asia)
        .ascii(LATIN_FONT)
        .hi_ansi(LATIN_FONT)
        .cs(LATIN_FONT)
}

fn run(text: &str, font: &str, size: usize) -> Run {
    let text = crate::sanitize::xml_safe(text);
    Run::new()
        .add_text(text.as_ref())
        .fonts(fonts(font))
        .size(size)
}

fn spaced(p: Paragraph) -> Paragraph {
    p.line_spacing(
        LineSpacing::new()
            .line_rule(LineSpacingType::Exact)
            .line(LINE_TWIPS)
            .before(0)
            .after(0),
    )
}

fn indented(p: Paragraph) -> Paragraph {
    p.indent(
        None,
        Some(SpecialIndentType::FirstLine(INDENT_TWIPS)),
        None,
        None,
    )
    .first_line_chars(200)
}

/// An empty line of body type.
fn blank() -> Paragraph {
    spaced(Paragraph::new().add_run(run("", BODY_FONT, BODY_SIZE)))
}

fn paragraph(p: &Para) -> Paragraph {
    match p.role {
        Role::Title => spaced(Paragraph::new())
            .align(AlignmentType::Center)
            .add_run(run(&p.text, TITLE_FONT, TITLE_SIZE)),
        Role::Number => spaced(Paragraph::new())
            .align(AlignmentType::Center)
            .add_run(run(&p.text, BODY_FONT, BODY_SIZE)),
        Role::Addressee => spaced(Paragraph::new()).add_run(run(&p.text, BODY_FONT, BODY_SIZE)),
        Role::Body => {
            indented(spaced(Paragraph::new())).add_run(run(&p.text, BODY_FONT, BODY_SIZE))
        }
        Role::Heading => {
            indented(spaced(Paragraph::new())).add_run(run(&p.text, HEADING_FONT, BODY_SIZE))
        }
        Role::Point => indented(spaced(Paragraph::new()))
            .add_run(run(&p.lead, POINT_FONT, BODY_SIZE))
            .add_run(run(&p.text, BODY_FONT, BODY_SIZE)),
        Role::Signature => spaced(Paragraph::new())
            .align(AlignmentType::Right)
            .indent(None, None, Some(INDENT_TWIPS * 2), None)
            .add_run(run(&p.text, BODY_FONT, BODY_SIZE)),
    }
}

/// One character of the page number's 4号 type, in twips.
const PAGE_NUMBER_INDENT: i32 = 280;

/// `— 1 —` in 4号 宋体 at the foot: on odd pages at the right, on even
/// pages at the left, each one character in from the edge of the text
/// (GB/T 9704-2012, 7.5).
fn footer(odd: bool) -> Footer {
    let dash = |s: &str| run(s, "宋体", PAGE_NUMBER_SIZE);
    let number = Paragraph::new()
        .add_run(dash("— "))
        .add_page_num(PageNum::new())
        .add_run(dash(" —"));
    let placed = if odd {
        number
            .align(AlignmentType::Right)
            .indent(None, None, Some(PAGE_NUMBER_INDENT), None)
    } else {
        number
            .align(AlignmentType::Left)
            .indent(Some(PAGE_NUMBER_INDENT), None, None, None)
    };
    Footer::new().add_paragraph(placed)
}

/// The notice as the bytes of a `.docx` file.
pub fn document(notice: &Notice, lang: Lang) -> Result<Vec<u8>, String> {
    official(&paragraphs(notice, lang), None)
}

/// A table of text for [`official`]: its header row and its rows.
pub struct Grid {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// Each column's width, in characters of the table's type.
    pub widths: Vec<u32>,
}

/// The table's type: 4号 (14 pt) 仿宋, the header in 黑体.
const TABLE_SIZE: usize = 28;

fn table(grid: &Grid) -> Table {
    let cell = |text: &str, font: &str| {
        TableCell::new().add_paragraph(
            Paragraph::new()
                .align(AlignmentType::Center)
                .add_run(run(text, font, TABLE_SIZE)),
        )
    };
    let header = TableRow::new(grid.header.iter().map(|h| cell(h, HEADING_FONT)).collect());
    let rows = grid
        .rows
        .iter()
        .map(|r| TableRow::new(r.iter().map(|c| cell(c, BODY_FONT)).collect()));
    // A character of 14 pt is 280 twips.
    let widths = grid.widths.iter().map(|w| (*w as usize) * 280).collect();
    Table::new(std::iter::once(header).chain(rows).collect())
        .set_grid(widths)
        .align(TableAlignmentType::Center)
}

/// Paragraphs set as a 公文 on the GB/T 9704 page (the notice's, and the
/// report to the government's), with `grid` after paragraph `at` when
/// given.
pub fn official(all: &[Para], grid: Option<(usize, &Grid)>) -> Result<Vec<u8>, String> {
    let mut doc = Docx::new()
        .page_size(A4.0, A4.1)
        .page_margin(PageMargin {
            top: mm(37),
            bottom: mm(35),
            left: mm(28),
            right: mm(26),
            header: mm(15),
            footer: mm(28),
            gutter: 0,
        })
        .default_fonts(fonts(BODY_FONT))
        .default_size(BODY_SIZE)
        .footer(footer(true))
        .even_footer(footer(false));
    let mut signed = false;
    // The signature never stands on a page of its own: the last point
    // (or the opening, where there is none) goes over with it, whole.
    let tail = all
        .iter()
        .rposition(|p| p.role == Role::Point)
        .or_else(|| all.iter().position(|p| p.role == Role::Body))
        .unwrap_or(0);
    let last = all.len().saturating_sub(1);
    for (i, p) in all.iter().enumerate() {
        let together = |para: Paragraph| match i >= tail && i < last {
            true => para.keep_next(true).keep_lines(true),
            false => para,
        };
        // A blank line between the title (and its number) and the
        // addressee, two before the signature.
        if p.role == Role::Signature && !signed {
            signed = true;
            doc = doc
                .add_paragraph(together(blank()))
                .add_paragraph(together(blank()));
        }
        if p.role == Role::Addressee {
            doc = doc.add_paragraph(blank());
        }
        doc = doc.add_paragraph(together(paragraph(p)));
        if let Some((_, g)) = grid.filter(|(at, _)| *at == i) {
            doc = doc.add_table(table(g));
        }
    }
    let mut out = std::io::Cursor::new(Vec::new());
    doc.build().pack(&mut out).map_err(|e| e.to_string())?;
    Ok(out.into_inner())
}

#[cfg(test)]
mod tests {
    #[test]
    fn millimetres_become_twips() {
        assert_eq!(super::mm(37), 2098);
        assert_eq!(super::mm(35), 1984);
        assert_eq!(super::mm(28), 1587);
        assert_eq!(super::mm(26), 1474);
        assert_eq!(super::mm(297), 16_838, "A4 height");
    }
}
