//! The notice as text: Markdown for mail and preview (every piece escaped,
//! so nothing from a declaration or a journal becomes markup), and plain
//! lines for the desk's preview.

use super::Notice;
use crate::i18n::{Lang, notice as words};
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
    /// For a [`Role::Point`], `（一）绩效指标“…”：`; otherwise empty.
    pub lead: String,
    pub text: String,
}

fn para(role: Role, text: impl Into<String>) -> Paragraph {
    Paragraph {
        role,
        lead: String::new(),
        text: text.into(),
    }
}

/// The notice's paragraphs, numbered, in reading order.
pub fn paragraphs(notice: &Notice, lang: Lang) -> Vec<Paragraph> {
    let mut out = vec![para(Role::Title, notice.title.clone())];
    out.extend(notice.number.iter().map(|n| para(Role::Number, n.clone())));
    out.push(para(Role::Addressee, notice.addressee.clone()));
    out.push(para(Role::Body, notice.opening.clone()));
    for (s, section) in notice.sections.iter().enumerate() {
        out.push(para(
            Role::Heading,
            format!("{}{}", words::section_number(lang, s + 1), section.heading),
        ));
        for (p, point) in section.points.iter().enumerate() {
            let lead = words::point_number(lang, p + 1);
            let mut rest = point.paragraphs.iter();
            out.push(Paragraph {
                role: Role::Point,
                lead,
                text: rest.next().cloned().unwrap_or_default(),
            });
            out.extend(rest.map(|t| para(Role::Body, t.clone())));
        }
    }
    out.push(para(Role::Body, notice.contact.clone()));
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
    let mut out = Vec::new();
    for p in paragraphs(notice, lang) {
        let text = format!("{}{}", p.lead, p.text);
        out.push(match p.role {
            Role::Body | Role::Point | Role::Heading => {
                format!("{}{text}", words::text_indent(lang))
            }
            Role::Title | Role::Number | Role::Addressee | Role::Signature => text,
        });
        out.push(String::new());
    }
    out.pop();
    out
}
