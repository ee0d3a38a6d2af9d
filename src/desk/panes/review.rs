//! 审核意见: the decision, then every comment with its reviewer, time and
//! place; before them, what the system cannot vouch for.

use super::{Line, Style};
use crate::i18n::{self, Lang};
use crate::model::Location;
use crate::sanitize::display;

/// The 审核意见 pane: the decision, then every comment in order with its
/// reviewer, time and place; withdrawn ones and ones made on an earlier
/// version of the file are marked.
/// What the system cannot vouch for, first in the pane: journals that lost
/// records while watched, journals planted under another's name, and
/// forged records with who really wrote each. Paragraphs, so that every
/// word of them shows at 80 columns.
fn alarms(lang: Lang, review: &crate::review::Review, zone: &jiff::tz::TimeZone) -> Vec<Line> {
    use i18n::authorship as say;
    let mut out = Vec::new();
    if !review.tampered.is_empty() {
        out.push(Line::new(
            Style::Paragraph,
            vec![say::tampered(lang, &review.tampered)],
        ));
    }
    for (file, owner) in &review.misnamed {
        out.push(Line::new(
            Style::Paragraph,
            vec![say::misnamed(lang, file, owner)],
        ));
    }
    if !review.forged.is_empty() {
        out.push(Line::new(
            Style::Paragraph,
            vec![say::forged_heading(lang, review.forged.len())],
        ));
        for (record, owner) in &review.forged {
            let claims = i18n::signed(lang, &record.reviewer, record.login.as_deref());
            let what = record.body.summary(lang);
            let at = crate::clock::shown(&record.at, zone);
            out.push(Line::new(
                Style::Paragraph,
                vec![say::forged_line(lang, owner, &claims, &what, &at)],
            ));
        }
    }
    out
}

pub fn review_lines(
    lang: Lang,
    review: &crate::review::Review,
    printed: crate::model::cells::Printed,
    zone: &jiff::tz::TimeZone,
) -> Vec<Line> {
    use crate::review::Place;
    let mut out = Vec::new();
    let decision = match &review.verdict {
        Some(v) => {
            // 待审 has no grade: no gap where it would be.
            let decided = match v.grade {
                Some(g) if v.contradicts() => format!(
                    "{} {}",
                    v.decision.label().get(lang),
                    i18n::contradicting_grade(lang, g.label().get(lang))
                ),
                Some(g) => format!("{} {}", v.decision.label().get(lang), g.label().get(lang)),
                None => v.decision.label().get(lang).to_string(),
            };
            format!(
                "{decided} · {}{} · {}",
                i18n::signed(lang, &v.reviewer, v.login.as_deref()),
                v.vouch.mark(lang),
                crate::clock::shown(&v.at, zone)
            )
        }
        None => crate::review::Decision::Pending
            .label()
            .get(lang)
            .to_string(),
    };
    out.push(Line::new(
        Style::Heading,
        vec![format!(
            "{}{}{decision}",
            i18n::decision_label(lang),
            i18n::colon(lang)
        )],
    ));
    if let (None, Some(u)) = (&review.verdict, &review.unconfirmed) {
        let who = i18n::signed(lang, &u.reviewer, u.login.as_deref());
        let at = crate::clock::shown(&u.at, zone);
        out.push(Line::new(
            Style::Paragraph,
            vec![i18n::authorship::unconfirmed_decision(
                lang,
                &u.decided(lang),
                &who,
                &at,
            )],
        ));
    }
    out.extend(alarms(lang, review, zone));
    if let Some(problem) = &review.journal_problem {
        out.push(Line::new(
            Style::Paragraph,
            vec![i18n::journal_unreadable(lang, &problem.message(lang))],
        ));
    } else if review.comments.is_empty() {
        out.push(Line::new(
            Style::Paragraph,
            vec![i18n::no_comments(lang).to_string()],
        ));
    }
    if !review.skipped.is_empty() {
        out.push(Line::new(
            Style::Paragraph,
            vec![i18n::journal_lines_skipped(lang, &review.skipped)],
        ));
    }
    for (n, c) in review.comments.iter().enumerate() {
        let place = c.place.shown(lang, printed);
        let mut marks = String::new();
        if c.edited {
            marks.push_str(i18n::edited(lang));
        }
        match (&c.withdrawn, &c.withdrawn_by) {
            (true, Some(who)) => {
                let who = i18n::signed(lang, &who.name, who.login.as_deref());
                marks.push_str(&i18n::authorship::withdrawn_by(lang, &who));
            }
            (true, None) => marks.push_str(i18n::withdrawn(lang)),
            (false, _) => {}
        }
        if c.earlier_version {
            marks.push_str(i18n::on_earlier_version(lang));
        }
        let mut heading = Line::new(
            Style::Heading,
            vec![format!(
                "{place} · {}{} · {}{marks}",
                c.author(lang, true),
                c.vouch.mark(lang),
                crate::clock::shown(&c.at, zone)
            )],
        );
        let mut text = Line::new(Style::Paragraph, vec![display(&c.text).into_owned()]);
        // Both lines of a comment go to its place and take E / x.
        for line in [&mut heading, &mut text] {
            line.comment = Some(n);
            line.location = match &c.place {
                Place::Declaration => None,
                Place::Location { path } | Place::Flag { path, .. } => Location::parse(path),
            };
        }
        out.push(heading);
        out.push(text);
    }
    // The notice's own words, each with who wrote them and when.
    for r in &review.rewordings {
        let what =
            crate::review::record::Part::of(&r.part).summary(lang, r.text.as_deref(), r.dropped);
        let earlier = if r.earlier_version {
            i18n::on_earlier_version(lang)
        } else {
            ""
        };
        out.push(Line::new(
            Style::Paragraph,
            vec![format!(
                "{what} · {} · {}{earlier}",
                i18n::signed(lang, &r.reviewer, r.login.as_deref()),
                crate::clock::shown(&r.at, zone)
            )],
        ));
    }
    out
}
