//! COMP-05 · 模板预留的指标行未填写 (Template indicator line left empty).

use crate::i18n::{Lang, Phrase, pick};
use crate::rules::catalogue::{Basis, RuleInfo, entry};
use crate::rules::docs::RuleDoc;
use crate::rules::{Rule, Severity::*};

use super::*;
/// Its entry in the catalogue: ID, severities, titles, 依据, settings.
pub const INFO: RuleInfo = entry(
    Rule::Comp05,
    "COMP-05",
    &[Info],
    "模板预留的指标行未填写",
    "Template indicator line left empty",
    Basis {
        cite: None,
        reason: Some(Phrase::new(
            "省里的模板为各类指标预留了空行；部门没有填写时，可以接受，也可以要求补充指标。",
            "The province's template keeps an empty line for each kind of indicator; a reviewer may accept it left empty or ask for an indicator.",
        )),
    },
    &[],
);

/// What docs/rules.md says of it.
pub const DOC: RuleDoc = RuleDoc {
    rule: Rule::Comp05,
    location: "`indicators[i]`",
    fires_when: "a template row: the category it names (its level2, else its level1) has no indicator on this line",
    inputs: None,
    basis: "J: real forms keep the template's empty lines; a reviewer may accept them or ask for an indicator",
    asks: "give an indicator, or remove the empty line",
};

/// Its point's words in the 审核意见.
pub(crate) fn request(lang: Lang, places: &str, categories: &str) -> String {
    pick(
        lang,
        format!(
            "{places}为模板预留的{categories}指标行，未填写指标。建议按实际填写相应指标，或删除不需要的空行"
        ),
        format!(
            "{places}: the template's {categories} line is empty. We suggest giving an indicator or removing the empty line"
        ),
    )
}

/// What it found: the category the empty line is for (its 二级, else
/// its 一级), as the form prints it.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub category: String,
}

pub(crate) const CHECK: Check = Check::Form(check);

impl Violation for Finding {
    fn message(&self, lang: Lang, _: Location) -> String {
        words::template_row(lang, &self.category)
    }

    fn request(
        &self,
        lang: Lang,
        group: &[Found<'_, Self>],
        places: &str,
        _: &Declaration,
    ) -> String {
        let categories = each(group, |f| f.finding.category.clone());
        request(lang, places, &requests::values(lang, &categories))
    }
}

/// COMP-05: a template row, the form's line for a category left empty.
fn check(form: &Form, flags: &mut Flags) {
    for (i, r) in form.decl.indicators.iter().enumerate() {
        if !r.is_template_row() {
            continue;
        }
        let category = crate::text::non_blank(&r.level2)
            .or_else(|| crate::text::non_blank(&r.level1))
            .unwrap_or_default();
        let category = category.trim().to_string();
        flags.push(
            Severity::Info,
            Location::Indicator(i, None),
            Finding { category },
        );
    }
}
