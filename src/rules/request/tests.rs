use super::*;
use crate::rules::Rule;
use crate::rules::test_support::*;
use crate::rules::{CATALOGUE, Severity};
use rust_decimal::Decimal;

#[test]
fn a_document_makes_a_requirement_and_practice_makes_advice() {
    for info in CATALOGUE.iter() {
        let ground = ground(info.rule);
        match (info.basis.cite, info.basis.reason) {
            (Some(_), None) => assert!(
                matches!(ground, Ground::Document(_)),
                "{} rests on a document alone: a requirement",
                info.id
            ),
            (None, _) => assert_eq!(ground, Ground::Practice, "{}: practice", info.id),
            // A document for the rule, a threshold of ours: decided per rule.
            (Some(_), Some(_)) => {}
        }
    }
}

fn point_of(decl: &Declaration, rule: Rule) -> String {
    let flags = fired(decl, rule);
    let group: Vec<&Flag> = flags.iter().collect();
    point(Lang::Zh, &group, "（此处）", decl)
}

#[test]
fn a_second_level_the_department_began_is_named_whole() {
    let mut d = clean();
    d.indicators[5].level2 = Some("服务对象".into());
    let p = point_of(&d, Rule::Hier01);
    assert!(p.contains("请改为“服务对象满意度指标”"), "{p}");
    assert!(p.ends_with("依据《中央部门预算绩效目标管理办法》。"), "{p}");
}

#[test]
fn a_second_level_of_another_first_level_gets_the_choices() {
    let mut d = clean();
    d.indicators[4].level2 = Some("质量指标".into());
    let p = point_of(&d, Rule::Hier01);
    assert!(
        p.contains("请改为效益指标下的经济效益、社会效益、生态效益或可持续影响指标"),
        "{p}"
    );
}

#[test]
fn a_blank_own_use_box_is_given_the_amount_that_reconciles() {
    let mut d = clean();
    d.budget.by_level.own_use = None;
    d.budget.by_level.transfer_to_lower = None;
    let flags: Vec<Flag> = fired(&d, Rule::Comp04)
        .into_iter()
        .filter(|f| f.severity == Severity::Warning)
        .collect();
    let group: Vec<&Flag> = flags.iter().collect();
    let p = point(Lang::Zh, &group, "“本级使用资金”", &d);
    assert!(p.contains("应为546.10万元"), "{p}");
    // Income that does not agree with spending says nothing of the amount.
    d.budget.income.other = Some(Decimal::ONE);
    let p = point(Lang::Zh, &group, "“本级使用资金”", &d);
    assert!(!p.contains("应为"), "{p}");
}

#[test]
fn a_practice_is_advice_naming_no_threshold_as_a_rule() {
    let mut d = clean();
    d.indicators[5].annual_target = Some("≥75%".into());
    d.indicators[5].period_target = Some("≥75%".into());
    let p = point_of(&d, Rule::Sat02);
    assert_eq!(p, "（此处）的满意度目标值为75%，建议不低于85%。");
}

#[test]
fn targets_of_one_kind_are_quoted_once_each() {
    let mut d = clean();
    for i in [0, 4] {
        d.indicators[i].annual_target = Some("根据下达任务目标要求确定".into());
        d.indicators[i].period_target = Some("根据下达任务目标要求确定".into());
    }
    let p = point_of(&d, Rule::Quant01);
    assert_eq!(p.matches("根据下达任务目标要求确定").count(), 1, "{p}");
    assert!(p.contains("请按实际量化为具体数值，或采用分级表述"), "{p}");
    assert!(p.contains("依据《财政支出绩效评价管理暂行办法》"), "{p}");
}

/// Every point the sample folder can raise (infos too, as a reviewer may
/// include them), each group of one rule and kind: a requirement asks
/// (`请`) and cites its document; a practice advises (`建议`) and cites
/// none; no rule ID and no spreadsheet words.
#[test]
fn every_point_the_samples_raise_asks_for_something_on_its_ground() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
    let files = crate::load::declaration_files(&dir).expect("sample-data is there");
    let mut rules_seen = std::collections::BTreeSet::new();
    for path in files {
        let Ok(decl) = crate::load::read(&path, u64::MAX) else {
            continue;
        };
        let flags = run(&decl);
        let mut kinds: Vec<(Rule, String)> = flags.iter().map(|f| (f.rule(), f.kind())).collect();
        kinds.dedup();
        for (rule, kind) in kinds {
            let group: Vec<&Flag> = flags
                .iter()
                .filter(|f| f.rule() == rule && f.kind() == kind)
                .collect();
            let p = point(Lang::Zh, &group, "表中第3行指标“某指标”", &decl);
            let id = rule.id();
            match ground(rule) {
                Ground::Document(_) => {
                    assert!(p.contains("请") && p.contains("依据《"), "{id}: {p}")
                }
                Ground::Practice => {
                    assert!(p.contains("建议") && !p.contains("依据"), "{id}: {p}")
                }
            }
            assert!(!p.contains(id) && !p.contains('!'), "{id}: {p}");
            assert!(p.ends_with('。'), "{id}: {p}");
            rules_seen.insert(id);
        }
    }
    assert!(rules_seen.len() >= 25, "most rules: {rules_seen:?}");
}
