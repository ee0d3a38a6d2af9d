//! The reviewer's last word: their own text for the opening, the closing
//! or any point, a point left out, a point of their own. Each is a journal
//! record pinned to the version of the file it was written on; on another
//! version (a resubmission) it is not applied, and the notice counts it
//! so the preview can say so.

use super::{Notice, Point, Section, Wording, reviewer_lines};
use crate::i18n::{Lang, notice as words};
use crate::review::record::Part;
use crate::review::state::Reworded;
use std::collections::{BTreeMap, HashMap, HashSet};

impl Notice {
    /// The notice with the reviewers' words on this version applied, the
    /// latest for each part. Linear in the records: a journal may hold
    /// hundreds of thousands.
    pub(super) fn reworded(mut self, all: &[Reworded], lang: Lang) -> Notice {
        let mut last: HashMap<&str, usize> = HashMap::new();
        for (i, r) in all.iter().enumerate().filter(|(_, r)| !r.earlier_version) {
            last.insert(r.part.as_str(), i);
        }
        // In the order written, each part's latest only.
        let latest: Vec<&Reworded> = all
            .iter()
            .enumerate()
            .filter(|(i, r)| last.get(r.part.as_str()) == Some(i))
            .map(|(_, r)| r)
            .collect();
        let stale: HashSet<&str> = all
            .iter()
            .filter(|r| r.earlier_version && !last.contains_key(r.part.as_str()))
            .map(|r| r.part.as_str())
            .collect();
        self.stale_rewordings = stale.len();
        let mut added: Vec<&Reworded> = Vec::new();
        let mut points: HashMap<String, &Reworded> = HashMap::new();
        for r in latest {
            match Part::of(&r.part) {
                Part::Opening => reword(&mut self.opening, &mut self.opening_wording, r),
                Part::Closing => reword(&mut self.contact, &mut self.closing_wording, r),
                Part::Added => added.push(r),
                Part::Point(key) => {
                    points.insert(key.to_string(), r);
                }
            }
        }
        for p in self.sections.iter_mut().flat_map(|s| s.points.iter_mut()) {
            let Some(r) = points.get(&p.key) else {
                continue;
            };
            if r.dropped {
                p.wording = Wording::Dropped;
            } else if let Some(text) = &r.text {
                let paragraphs = reviewer_lines(text);
                if !paragraphs.is_empty() {
                    p.paragraphs = paragraphs;
                    p.wording = Wording::Reworded;
                }
            }
        }
        self.add(&added, lang);
        self.sections.retain(|s| !s.points.is_empty());
        self
    }

    /// The reviewers' own points, each after the point it was added at (a
    /// point of their own too), in the order written; at the end under 其他
    /// 意见 where that point is gone.
    fn add(&mut self, added: &[&Reworded], lang: Lang) {
        let mut known: HashSet<&str> = self
            .sections
            .iter()
            .flat_map(|s| s.points.iter())
            .map(|p| p.key.as_str())
            .collect();
        known.extend(added.iter().map(|r| r.part.as_str()));
        let mut following: BTreeMap<String, Vec<Point>> = BTreeMap::new();
        let mut homeless: Vec<Point> = Vec::new();
        for r in added {
            let paragraphs = match (&r.text, r.dropped) {
                (Some(text), false) => reviewer_lines(text),
                _ => continue,
            };
            if paragraphs.is_empty() {
                continue;
            }
            let point = Point {
                key: r.part.clone(),
                paragraphs,
                wording: Wording::Added,
                places: Vec::new(),
            };
            match r.after.as_deref().filter(|a| known.contains(a)) {
                Some(after) => following.entry(after.to_string()).or_default().push(point),
                None => homeless.push(point),
            }
        }
        if following.is_empty() && homeless.is_empty() {
            return;
        }
        for section in &mut self.sections {
            let mut placed = Vec::with_capacity(section.points.len());
            // Depth first without recursion: a chain of points added one
            // after another may be as long as the journal.
            let mut stack: Vec<Point> = section.points.drain(..).rev().collect();
            while let Some(p) = stack.pop() {
                if let Some(next) = following.remove(&p.key) {
                    stack.extend(next.into_iter().rev());
                }
                placed.push(p);
            }
            section.points = placed;
        }
        // Points added after one another and after nothing that stands.
        homeless.extend(following.into_values().flatten());
        if homeless.is_empty() {
            return;
        }
        let other = words::OTHER.get(lang);
        match self.sections.iter_mut().find(|s| s.heading == other) {
            Some(s) => s.points.extend(homeless),
            None => self.sections.push(Section {
                heading: other.to_string(),
                points: homeless,
            }),
        }
    }
}

/// The opening or the closing in the reviewer's words (a paragraph: its
/// lines joined), or left as generated. Neither can be left out: the
/// letter needs both.
fn reword(text: &mut String, wording: &mut Wording, r: &Reworded) {
    if let Some(new) = &r.text {
        let new = reviewer_lines(new).join("");
        if !new.is_empty() {
            *text = new;
            *wording = Wording::Reworded;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn notice() -> Notice {
        let point = |key: &str| Point {
            key: key.into(),
            paragraphs: vec![format!("{key}。")],
            wording: Wording::Generated,
            places: Vec::new(),
        };
        Notice {
            title: String::new(),
            addressee: String::new(),
            opening: "开头。".into(),
            sections: vec![Section {
                heading: "绩效指标".into(),
                points: vec![point("a"), point("b")],
            }],
            contact: "联系人。".into(),
            number: None,
            issuer: String::new(),
            date: String::new(),
            opening_wording: Wording::Generated,
            closing_wording: Wording::Generated,
            stale_rewordings: 0,
        }
    }

    fn said(part: &str, text: Option<&str>, dropped: bool, after: Option<&str>) -> Reworded {
        Reworded {
            part: part.into(),
            text: text.map(str::to_string),
            dropped,
            after: after.map(str::to_string),
            reviewer: "王审核".into(),
            login: None,
            at: "2026-12-04T06:00:00.000Z".into(),
            earlier_version: false,
        }
    }

    fn keys(n: &Notice) -> Vec<(String, Wording)> {
        n.sections
            .iter()
            .flat_map(|s| s.points.iter())
            .map(|p| (p.paragraphs.join(""), p.wording))
            .collect()
    }

    #[test]
    fn the_latest_word_on_each_part_counts_and_added_points_follow_theirs() {
        let all = [
            said("a", Some("甲改。"), false, None),
            said("added/1", Some("新一。"), false, Some("a")),
            said("added/2", Some("新二。"), false, Some("added/1")),
            said("added/3", Some("新三。"), false, Some("a")),
            said("b", None, true, None),
            said("a", Some("甲再改。"), false, None),
            said("added/4", Some("无处。"), false, Some("gone")),
            said("opening", Some("新开头。"), false, None),
            said("closing", None, true, None),
        ];
        let n = notice().reworded(&all, Lang::Zh);
        let expected = [
            ("甲再改。", Wording::Reworded),
            ("新一。", Wording::Added),
            ("新二。", Wording::Added),
            ("新三。", Wording::Added),
            ("b。", Wording::Dropped),
            ("无处。", Wording::Added),
        ]
        .map(|(t, w)| (t.to_string(), w));
        assert_eq!(keys(&n), expected);
        assert_eq!(n.sections[1].heading, "其他意见");
        assert_eq!(n.opening, "新开头。");
        assert_eq!(n.contact, "联系人。", "the closing is never left out");
    }

    #[test]
    fn a_journal_of_a_hundred_thousand_added_points_is_read_in_one_pass() {
        let mut all = vec![said("added/0", Some("第0点。"), false, Some("a"))];
        for i in 1..100_000 {
            let after = format!("added/{}", i - 1);
            all.push(said(
                &format!("added/{i}"),
                Some("又一点。"),
                false,
                Some(&after),
            ));
        }
        let n = notice().reworded(&all, Lang::Zh);
        assert_eq!(n.sections[0].points.len(), 100_002);
        assert_eq!(n.sections[0].points[1].paragraphs, ["第0点。"]);
    }

    #[test]
    fn words_written_on_an_earlier_version_are_counted_not_applied() {
        let mut old = said("a", Some("旧版本的改写。"), false, None);
        old.earlier_version = true;
        let n = notice().reworded(&[old], Lang::Zh);
        assert_eq!(n.stale_rewordings, 1);
        assert_eq!(n.sections[0].points[0].paragraphs, ["a。"]);
    }
}
