//! Which row of last year's table is which row of this year's: the
//! catalogue's *matching rows* (Across years). By name first, whatever
//! the levels (a row moved to the wrong level is still the same
//! indicator); then, under the same 一级, by a long common run of the
//! names. Template rows never match.

use crate::model::{Indicator, KeyTask};
use crate::text::{normalise, shares_substring, strip_trailing_parenthesis};
use serde::Serialize;

/// The shortest common run the second pass accepts, whatever the names.
const MIN_RUN: usize = 4;

/// How a row found last year's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum By {
    /// The same name (its trailing parenthesis aside, normalised).
    Name,
    /// Under the same 一级, names sharing a long run of characters.
    Common,
}

/// This year's rows against last year's.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Matching {
    /// For each of this year's rows, last year's row it is, and how it
    /// was found; `None` for a new row or a template row.
    pub rows: Vec<Option<(usize, By)>>,
    /// Last year's rows (not template rows) that no row of this year is,
    /// in last year's order.
    pub dropped: Vec<usize>,
}

/// A row's *key*: its name without one trailing parenthesis, normalised.
/// Empty for a template row or a blank name (an empty key matches none).
fn key(row: &Indicator) -> String {
    if row.is_template_row() {
        return String::new();
    }
    let name = row.name.as_deref().unwrap_or("");
    normalise(strip_trailing_parenthesis(name)).into_owned()
}

fn level1(row: &Indicator) -> Option<&str> {
    crate::text::level_name(&row.level1)
}

/// Do two keys share a run of at least [`MIN_RUN`] characters and at
/// least 0.6 of the shorter?
fn alike(a: &str, b: &str) -> bool {
    let shorter = a.chars().count().min(b.chars().count());
    // ⌈0.6 × shorter⌉, in integers.
    let needed = MIN_RUN.max((3 * shorter).div_ceil(5));
    shares_substring(a, b, needed)
}

impl Matching {
    pub fn of(this: &[Indicator], last: &[Indicator]) -> Matching {
        let ours: Vec<String> = this.iter().map(key).collect();
        let theirs: Vec<String> = last.iter().map(key).collect();
        let mut taken = vec![false; last.len()];
        let mut rows: Vec<Option<(usize, By)>> = vec![None; this.len()];
        // Names are unique in nearly every table: an index of last year's
        // keys keeps the first pass linear.
        let mut by_key: std::collections::HashMap<&str, Vec<usize>> =
            std::collections::HashMap::new();
        for (j, k) in theirs.iter().enumerate().filter(|(_, k)| !k.is_empty()) {
            by_key.entry(k.as_str()).or_default().push(j);
        }
        for (i, k) in ours.iter().enumerate().filter(|(_, k)| !k.is_empty()) {
            let free = by_key
                .get(k.as_str())
                .and_then(|js| js.iter().copied().find(|&j| !taken[j]));
            if let Some(j) = free {
                taken[j] = true;
                rows[i] = Some((j, By::Name));
            }
        }
        for (i, k) in ours.iter().enumerate() {
            if rows[i].is_some() || k.is_empty() {
                continue;
            }
            let under = level1(&this[i]);
            let found = (0..last.len()).find(|&j| {
                !taken[j]
                    && !theirs[j].is_empty()
                    && under.is_some()
                    && level1(&last[j]) == under
                    && alike(k, &theirs[j])
            });
            if let Some(j) = found {
                taken[j] = true;
                rows[i] = Some((j, By::Common));
            }
        }
        let dropped = (0..last.len())
            .filter(|&j| !taken[j] && !last[j].is_template_row())
            .collect();
        Matching { rows, dropped }
    }

    /// Last year's row that this year's row `i` is.
    pub fn previous_of(&self, i: usize) -> Option<usize> {
        self.rows.get(i).copied().flatten().map(|(j, _)| j)
    }
}

/// Which of last year's key tasks each of this year's is: the first
/// untaken one of the same normalised name; a task without a name is the
/// nameless one in its own place, if there is one.
pub fn tasks(this: &[KeyTask], last: &[KeyTask]) -> Vec<Option<usize>> {
    let key = |t: &KeyTask| normalise(t.name.as_deref().unwrap_or("")).into_owned();
    let theirs: Vec<String> = last.iter().map(key).collect();
    let mut taken = vec![false; last.len()];
    this.iter()
        .enumerate()
        .map(|(i, t)| {
            let k = key(t);
            let found = match k.is_empty() {
                false => (0..last.len()).find(|&j| !taken[j] && theirs[j] == k),
                true => (theirs.get(i).is_some_and(|t| t.is_empty()) && !taken[i]).then_some(i),
            };
            if let Some(j) = found {
                taken[j] = true;
            }
            found
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_support::row;

    #[test]
    fn the_same_name_matches_whatever_its_levels() {
        let last = [
            row("产出指标", "数量指标", "城镇新增就业人数（万人）", "", "5"),
            row("效益指标", "社会效益指标", "培训人次", "", "100"),
        ];
        let this = [
            row("效益指标", "质量指标", "培训人次", "", "90"),
            row(
                "产出指标",
                "数量指标",
                "城镇新增就业人数（人）",
                "",
                "50000",
            ),
        ];
        let m = Matching::of(&this, &last);
        assert_eq!(m.rows, [Some((1, By::Name)), Some((0, By::Name))]);
        assert!(m.dropped.is_empty());
    }

    #[test]
    fn a_common_run_matches_under_the_same_level1_only() {
        let last = [
            row(
                "效益指标",
                "社会效益指标",
                "扶持创业企业（项目）数",
                "",
                "650",
            ),
            row(
                "满意度指标",
                "服务对象满意度指标",
                "公共服务满意度",
                "",
                "≧95%",
            ),
        ];
        let this = [
            row(
                "效益指标",
                "质量指标",
                "扶持创业企业（项目）个数",
                "",
                "350",
            ),
            row("满意度指标", "服务对象", "就业服务满意度", "", "≧90%"),
            // Shares 服务满意度 too, but under another 一级.
            row("产出指标", "质量指标", "窗口服务满意度", "", "≧90%"),
        ];
        let m = Matching::of(&this, &last);
        assert_eq!(
            m.rows,
            [Some((0, By::Common)), Some((1, By::Common)), None],
            "{m:?}"
        );
    }

    #[test]
    fn a_short_run_or_under_six_tenths_is_no_match() {
        // 服务满意度 is five of 就业服务满意度's seven (0.71); 满意度 alone is
        // under the four characters; 群众满意度调查结果 shares 5 of 9 (0.56).
        let last = [row(
            "满意度指标",
            "服务对象满意度指标",
            "群众满意度调查结果",
            "",
            "90%",
        )];
        let this = [
            row("满意度指标", "服务对象满意度指标", "学生满意度", "", "90%"),
            row(
                "满意度指标",
                "服务对象满意度指标",
                "群众满意度调查",
                "",
                "90%",
            ),
        ];
        let m = Matching::of(&this, &last);
        // 群众满意度调查 (7) shares 7 with the 9 of last year's: a match.
        assert_eq!(m.rows, [None, Some((0, By::Common))]);
        let last = [row(
            "满意度指标",
            "服务对象满意度指标",
            "群众满意度调查结果",
            "",
            "90%",
        )];
        let this = [row(
            "满意度指标",
            "服务对象满意度指标",
            "游客满意度调查数据",
            "",
            "90%",
        )];
        assert_eq!(Matching::of(&this, &last).rows, [None]);
    }

    #[test]
    fn template_rows_never_match_and_are_never_dropped() {
        let last = [
            row("产出指标", "成本指标", "", "", ""),
            row("产出指标", "数量指标", "培训人次", "", "100"),
        ];
        let this = [row("产出指标", "成本指标", "", "", "")];
        let m = Matching::of(&this, &last);
        assert_eq!(m.rows, [None]);
        assert_eq!(m.dropped, [1]);
    }

    #[test]
    fn tasks_match_by_name_and_a_nameless_one_in_its_place() {
        let task = |name: &str| KeyTask {
            name: (!name.is_empty()).then(|| name.to_string()),
            ..KeyTask::default()
        };
        let last = [task("学生资助"), task(""), task("公办学位建设")];
        let this = [
            task("公办学位建设"),
            task(""),
            task("学生资助"),
            task("智慧教育"),
        ];
        assert_eq!(tasks(&this, &last), [Some(2), Some(1), Some(0), None]);
        assert_eq!(tasks(&[task("")], &last), [None], "not its place");
    }

    #[test]
    fn each_of_last_years_rows_is_taken_once() {
        let last = [row("产出指标", "数量指标", "培训人次", "", "100")];
        let this = [
            row("产出指标", "数量指标", "培训人次", "", "100"),
            row("产出指标", "数量指标", "培训人次", "", "90"),
        ];
        assert_eq!(Matching::of(&this, &last).rows, [Some((0, By::Name)), None]);
    }
}
