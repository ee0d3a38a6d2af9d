//! The notice as text: Markdown for mail and preview (every piece escaped,
//! so nothing from a declaration or a journal becomes markup), and plain
//! lines for the desk's preview.

use super::{Notice, Point, Wording};
use crate::i18n::{Lang, notice as words};
use crate::review::record::Part;
use crate::sanitize::markdown as md;

/// Each paragraph of the notice in reading order, with how it is set:
/// what [`markdown`], [`plain`] and the docx writer lay out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Title,
    /// 发文字号, under the title.
    Number,
    Addressee,
    Body,
    /// 一、基本信息
    Heading,
    /// The first paragraph of a point: its number and place, then text.
    Point,
    /// Signature and date, at the right.
    Signature,
}

/// A paragraph: its role, then its runs — for a point the number and the
/// place (set as a heading) and then the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    pub role: Role,
    /// For a [`Role::Point`], `（一）`; otherwise empty.
    pub lead: String,
    pub text: String,
    /// The part a reviewer can reword that this paragraph belongs to
    /// (`opening`, `closing`, a point's key).
    pub part: Option<String>,
    pub wording: Wording,
}

fn para(role: Role, text: impl Into<String>) -> Paragraph {
    Paragraph {
        role,
        lead: String::new(),
        text: text.into(),
        part: None,
        wording: Wording::Generated,
    }
}

/// The notice's paragraphs, numbered, in reading order: what every
/// document holds (a point left out is not there).
pub fn paragraphs(notice: &Notice, lang: Lang) -> Vec<Paragraph> {
    laid_out(notice, lang, false)
}

/// As [`paragraphs`], with the points left out too, unnumbered, where
/// they were: what the desk's preview shows, so they can be put back.
pub fn with_dropped(notice: &Notice, lang: Lang) -> Vec<Paragraph> {
    laid_out(notice, lang, true)
}

fn laid_out(notice: &Notice, lang: Lang, dropped: bool) -> Vec<Paragraph> {
    let part = |role, text: &str, key: &str, wording| Paragraph {
        part: Some(key.to_string()),
        wording,
        ..para(role, text)
    };
    let mut out = vec![para(Role::Title, notice.title.clone())];
    out.extend(notice.number.iter().map(|n| para(Role::Number, n.clone())));
    out.push(para(Role::Addressee, notice.addressee.clone()));
    out.push(part(
        Role::Body,
        &notice.opening,
        Part::OPENING,
        notice.opening_wording,
    ));
    let shown = |p: &&Point| dropped || p.wording != Wording::Dropped;
    let mut s = 0;
    for section in &notice.sections {
        if !section.points.iter().any(|p| p.wording != Wording::Dropped) && !dropped {
            continue;
        }
        s += 1;
        out.push(para(
            Role::Heading,
            format!("{}{}", words::section_number(lang, s), section.heading),
        ));
        let mut n = 0;
        for point in section.points.iter().filter(shown) {
            let lead = if point.wording == Wording::Dropped {
                String::new()
            } else {
                n += 1;
                words::point_number(lang, n)
            };
            let mut rest = point.paragraphs.iter();
            out.push(Paragraph {
                lead,
                ..part(
                    Role::Point,
                    rest.next().map_or("", String::as_str),
                    &point.key,
                    point.wording,
                )
            });
            out.extend(rest.map(|t| part(Role::Body, t, &point.key, point.wording)));
        }
    }
    out.push(part(
        Role::Body,
        &notice.contact,
        Part::CLOSING,
        notice.closing_wording,
    ));
    out.push(para(Role::Signature, notice.issuer.clone()));
    out.push(para(Role::Signature, notice.date.clone()));
    out
}

/// The notice in Markdown: the title a heading, the sections' headings
/// headings, every text escaped.
pub fn markdown(notice: &Notice, lang: Lang) -> String {
    let mut out = String::new();
    for p in paragraphs(notice, lang) {
        let text = format!("{}{}", p.lead, p.text);
        match p.role {
            Role::Title => out.push_str(&format!("# {}\n\n", md(&text))),
            Role::Heading => out.push_str(&format!("## {}\n\n", md(&text))),
            // No emphasis on a point's lead: CommonMark does not close `**`
            // between `：` and a Chinese character.
            Role::Number | Role::Addressee | Role::Body | Role::Point | Role::Signature => {
                out.push_str(&format!("{}\n\n", md(&text)))
            }
        }
    }
    out
}

/// The notice as lines of text for the desk: paragraphs apart by a blank
/// line, body paragraphs indented two characters as on paper.
pub fn plain(notice: &Notice, lang: Lang) -> Vec<String> {
    lines(&paragraphs(notice, lang), lang)
        .into_iter()
        .map(|(text, _)| text)
        .collect()
}

/// Paragraphs as lines of text, each with the paragraph it came from
/// (`None` for the blank line between two).
pub fn lines(paragraphs: &[Paragraph], lang: Lang) -> Vec<(String, Option<&Paragraph>)> {
    let mut out = Vec::new();
    for p in paragraphs {
        let text = format!("{}{}", p.lead, p.text);
        let text = match p.role {
            Role::Body | Role::Point | Role::Heading => {
                format!("{}{text}", words::text_indent(lang))
            }
            Role::Title | Role::Number | Role::Addressee | Role::Signature => text,
        };
        out.push((text, Some(p)));
        out.push((String::new(), None));
    }
    out.pop();
    out
}
