//! COMP-02 · 重点任务缺失或内容不全 (Key tasks missing or incomplete).

use crate::rules::catalogue::{Basis, COMPLETENESS_88, RuleInfo, entry};
use crate::rules::docs::RuleDoc;
use crate::rules::{Rule, Severity::*};

use super::*;
/// Its entry in the catalogue: ID, severities, titles, 依据, settings.
pub const INFO: RuleInfo = entry(
    Rule::Comp02,
    "COMP-02",
    &[Error],
    "重点任务缺失或内容不全",
    "Key tasks missing or incomplete",
    Basis {
        cite: Some(COMPLETENESS_88),
        reason: None,
    },
    &[],
);

/// What docs/rules.md says of it.
pub const DOC: RuleDoc = RuleDoc {
    rule: Rule::Comp02,
    location: "`key_tasks` or `key_tasks[i].FIELD`",
    fires_when: "no key task at all; or one flag per blank name, content, funds or expected_outcome",
    inputs: None,
    basis: "S: 完整性",
    asks: "list the key tasks, or fill in the blank cells",
};

/// What it found: no key task at all, or a blank cell of one (the
/// flag's place).
#[derive(Debug, Clone, PartialEq)]
pub enum Finding {
    NoKeyTask,
    BlankCell,
}

pub(crate) const CHECK: Check = Check::Form(check);

impl Violation for Finding {
    const GROUND: Ground = Ground::Document(DOC_88);

    fn message(&self, lang: Lang, at: Location) -> String {
        match self {
            Finding::NoKeyTask => words::NO_KEY_TASK.get(lang).into(),
            Finding::BlankCell => blank_at(lang, at),
        }
    }

    fn kind(&self, _: Severity) -> String {
        match self {
            Finding::NoKeyTask => "none".into(),
            Finding::BlankCell => String::new(),
        }
    }

    fn request(
        &self,
        lang: Lang,
        group: &[Found<'_, Self>],
        places: &str,
        _: &Declaration,
    ) -> String {
        match self {
            Finding::NoKeyTask => requests::no_key_task(lang),
            Finding::BlankCell => {
                let names = group.iter().filter_map(|f| match f.location {
                    Location::KeyTask(_, Some(field)) => Some(crate::i18n::task_field(lang, field)),
                    _ => None,
                });
                blank_cells_point(lang, places, names)
            }
        }
    }
}

/// COMP-02: no key task, or one flag per blank cell of a task.
fn check(form: &Form, flags: &mut Flags) {
    let decl = form.decl;
    if decl.key_tasks.is_empty() {
        flags.push(Severity::Error, Location::KeyTasks, Finding::NoKeyTask);
    }
    for (i, t) in decl.key_tasks.iter().enumerate() {
        let cells = [
            (TaskField::Name, is_blank(&t.name)),
            (TaskField::Content, is_blank(&t.content)),
            (TaskField::Funds, t.funds.is_none()),
            (TaskField::ExpectedOutcome, is_blank(&t.expected_outcome)),
        ];
        for (field, blank) in cells {
            if blank {
                let at = Location::KeyTask(i, Some(field));
                flags.push(Severity::Error, at, Finding::BlankCell);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_support::*;

    #[test]
    fn comp02_one_flag_per_blank_task_cell() {
        let mut decl = clean();
        decl.key_tasks[1].content = Some("   ".into());
        decl.key_tasks[1].funds = None;
        let locs: Vec<String> = fired(&decl, Rule::Comp02)
            .iter()
            .map(|f| f.location.to_string())
            .collect();
        assert_eq!(locs, ["key_tasks[1].content", "key_tasks[1].funds"]);
    }
}
