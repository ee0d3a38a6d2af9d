//! 本批概况 by keys (issue 24): o opens it over the list, Enter on a rule or
//! a department narrows the list to what the line counts, Esc comes back
//! to the line, and a colleague's decision moves its figures at once.

use super::*;
use crate::desk::Only;
use crate::review::Body;
use crate::rules::Rule;

fn decided(decision: Decision, grade: Option<Grade>, reviewer: &str) -> Review {
    let body = Body::Decision { decision, grade };
    one_record(reviewer, "2026-12-01T09:00:00.000Z", body)
}

#[test]
fn o_shows_the_batch_and_enter_on_a_rule_lists_the_declarations_it_counts() {
    let mut d = desk();
    keys(&mut d, "o");
    assert!(matches!(d.overlay(), Some(Overlay::Season { at: 0 })));
    let season = d.season().expect("counted when it opens").clone();
    assert_eq!(season.decisions.pending, 19);
    assert_eq!(season.rules[0].rule.id(), "QUANT-02");
    // The third line of problems: XDUP-01, two declarations.
    keys(&mut d, "jj<Enter>");
    assert_eq!(d.overlay(), None);
    assert_eq!(d.only(), Some(&Only::Rule(Rule::Xdup01)));
    assert_eq!(files(&d), ["yx-scjgj-v2.json", "yx-scjgj.json"]);
    assert_eq!(season.rules[2].declarations, files(&d).len());
    // Esc: back to the line it was chosen on, the list whole again.
    keys(&mut d, "<Esc>");
    assert!(matches!(d.overlay(), Some(Overlay::Season { at: 2 })));
    assert_eq!(d.only(), None);
    keys(&mut d, "<Esc>");
    assert_eq!(d.overlay(), None);
    assert_eq!(d.rows().len(), 19);
    // Its key bar offers help, and help opens over it.
    keys(&mut d, "o?");
    assert!(matches!(d.overlay(), Some(Overlay::Help { .. })));
}

#[test]
fn enter_on_a_least_measurable_department_lists_it_alone() {
    let mut d = desk();
    keys(&mut d, "o");
    let season = d.season().unwrap();
    let last = season.measurability.lowest.last().unwrap().file.clone();
    let at = d
        .season_leads()
        .iter()
        .position(|l| *l == Only::File(last.clone()))
        .unwrap();
    keys(&mut d, &format!("{}<Enter>", "j".repeat(at)));
    assert_eq!(files(&d), [last]);
    // Enter opens it, as on any list.
    keys(&mut d, "<Enter>");
    assert!(matches!(d.screen(), Screen::Declaration { .. }));
}

#[test]
fn a_colleagues_decision_moves_the_figures_while_it_is_up() {
    let mut d = desk();
    keys(&mut d, "o");
    review_is(
        &mut d,
        "yx-mzj.json",
        decided(Decision::Return, Some(Grade::Poor), "李复核"),
    );
    let season = d.season().unwrap();
    assert_eq!(
        (season.decisions.pending, season.decisions.returned),
        (18, 1)
    );
    assert_eq!(season.grades.poor, 1);
    assert_eq!(season.deciders[0].reviewer, "李复核");
    assert!(matches!(d.overlay(), Some(Overlay::Season { .. })));
}

#[test]
fn a_list_narrowed_to_a_rule_follows_the_dispositions() {
    let mut d = desk();
    keys(&mut d, "o");
    let at = d
        .season_leads()
        .iter()
        .position(|l| *l == Only::Rule(Rule::Quant03))
        .unwrap();
    keys(&mut d, &format!("{}<Enter>", "j".repeat(at)));
    assert_eq!(files(&d), ["yx-mzj.json"]);
    // Its one QUANT-03 dismissed: nothing of the rule goes out any more.
    let body = Body::Disposition {
        rule: "QUANT-03".into(),
        path: "indicators[6]".into(),
        disposition: crate::review::Disposition::Dismiss,
        reason: Some("已说明".into()),
    };
    let review = one_record("王审核", "2026-12-01T09:00:00.000Z", body);
    review_is(&mut d, "yx-mzj.json", review);
    assert!(files(&d).is_empty());
}

#[test]
fn enter_on_a_group_of_copied_goals_lists_the_group() {
    let mut d = desk();
    keys(&mut d, "o");
    let group = d.season().unwrap().copies[0].clone();
    assert_eq!(group, ["yx-mzj.json", "yx-whj.json"]);
    // The group is the last line that leads anywhere in the sample.
    keys(&mut d, "G<Enter>");
    assert_eq!(d.only(), Some(&Only::Files(group.clone())));
    assert_eq!(files(&d), group);
}

/// The figures counted afresh from the desk's items.
fn counted_afresh(d: &Desk) -> crate::review::season::Season {
    let members = d.items().iter().map(|it| {
        let c = it.checked();
        crate::review::season::Member {
            file: &it.entry.file,
            department: c.map_or(&None, |c| &c.declaration.department.name),
            checked: c.map(|c| (c.flags.as_slice(), c.measurability, &c.rows)),
            review: &it.review,
        }
    });
    let text_of = |file: &str, key| {
        d.items()
            .iter()
            .find(|it| it.entry.file == file)?
            .row_text(key)
    };
    crate::review::season::Season::of(members, None, text_of)
}

#[test]
fn reviews_changing_move_the_figures_as_counting_afresh_would() {
    let mut d = desk();
    keys(&mut d, "o");
    let dismiss = |rule: &str, path: &str| Body::Disposition {
        rule: rule.into(),
        path: path.into(),
        disposition: crate::review::Disposition::Dismiss,
        reason: Some("已说明".into()),
    };
    let include = Body::Disposition {
        rule: "REL-01".into(),
        path: "overall_goal".into(),
        disposition: crate::review::Disposition::Accept,
        reason: None,
    };
    for (file, review) in [
        (
            "yx-mzj.json",
            decided(Decision::Return, Some(Grade::Poor), "李复核"),
        ),
        (
            "yx-daj.json",
            decided(Decision::Approve, Some(Grade::Good), "李复核"),
        ),
        (
            "tianhe-sfj.json",
            one_record("王审核", "2026-12-01T09:00:00.000Z", include),
        ),
        (
            "yx-mzj.json",
            one_record(
                "王审核",
                "2026-12-01T09:00:00.000Z",
                dismiss("QUANT-03", "indicators[6]"),
            ),
        ),
        ("yx-daj.json", decided(Decision::Pending, None, "李复核")),
    ] {
        review_is(&mut d, file, review);
        assert_eq!(d.season(), Some(&counted_afresh(&d)), "after {file}");
    }
}

fn repeated(d: &Desk) -> Vec<(String, usize, Vec<String>)> {
    let s = d.season().expect("本批概况 is up");
    assert_eq!(
        s.repeated,
        counted_afresh(d).repeated,
        "kept as counting afresh"
    );
    s.repeated
        .iter()
        .map(|r| (r.row.name.clone(), r.departments, r.files.clone()))
        .collect()
}

#[test]
fn enter_on_a_row_several_departments_wrote_lists_their_declarations() {
    let (dir, mut d) = crate::testing::alike_rows_desk(Lang::Zh);
    keys(&mut d, "o");
    let rows = repeated(&d);
    assert_eq!(rows.len(), 3, "{rows:?}");
    assert_eq!(rows[0].0, "群众满意度");
    assert_eq!(rows[0].2, ["a.json", "b.json", "c-v2.json", "c.json"]);
    let at = d
        .season_leads()
        .iter()
        .position(|l| {
            *l == Only::Wrote {
                what: "群众满意度 ≥90%".into(),
                files: rows[0].2.clone(),
            }
        })
        .unwrap();
    keys(&mut d, &format!("{}<Enter>", "j".repeat(at)));
    assert_eq!(files(&d), rows[0].2);
    keys(&mut d, "<Esc>");
    assert!(matches!(d.overlay(), Some(Overlay::Season { .. })));

    // b.json rewritten without the row, d.json gone: the figures follow
    // while the screen is up.
    let mut b: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("b.json")).unwrap()).unwrap();
    b["indicators"].as_array_mut().unwrap().truncate(1);
    std::fs::write(dir.path().join("b.json"), b.to_string()).unwrap();
    let again = Item::load(&dir.path().join("b.json"), &Config::default());
    d.event(Event::Reloaded(vec![again]));
    d.event(Event::Removed(vec!["d.json".into()]));
    let rows = repeated(&d);
    let rows: Vec<(&str, usize)> = rows.iter().map(|(n, k, _)| (n.as_str(), *k)).collect();
    assert_eq!(rows, [("群众满意度", 2), ("培训场次", 2)]);
}

#[test]
fn the_figures_are_kept_while_it_is_closed_and_follow_reviews_until_files_change() {
    let mut d = desk();
    keys(&mut d, "o<Esc>");
    assert!(d.season().is_some(), "kept: opening again counts nothing");
    // A colleague decides while it is closed: the kept figures move.
    review_is(
        &mut d,
        "yx-mzj.json",
        decided(Decision::Approve, Some(Grade::Good), "李复核"),
    );
    assert_eq!(d.season(), Some(&counted_afresh(&d)));
    assert_eq!(d.season().unwrap().decisions.approve, 1);
    // The reviewer's own judgement saved: the same.
    let body = Body::Disposition {
        rule: "QUANT-03".into(),
        path: "indicators[6]".into(),
        disposition: crate::review::Disposition::Dismiss,
        reason: Some("已说明".into()),
    };
    let review = one_record("测试审核", "2026-12-01T09:00:00.000Z", body);
    d.event(Event::CommentSaved {
        file: "yx-mzj.json".into(),
        review,
    });
    assert_eq!(d.season(), Some(&counted_afresh(&d)));
    assert_eq!(d.season().unwrap().dismissed[0].rule, Rule::Quant03);
    // A file goes: forgotten until it opens, then counted again.
    d.event(Event::Removed(vec!["yx-mzj.json".into()]));
    assert_eq!(d.season(), None);
    keys(&mut d, "o");
    assert_eq!(d.season(), Some(&counted_afresh(&d)));
    assert_eq!(d.season().unwrap().decisions.approve, 0);
}

#[test]
fn the_figures_are_counted_ahead_once_the_batch_is_in_and_the_checks_across_it_are_back() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
    let files = declaration_files(&dir).unwrap();
    let config = Config::default();
    let mut d = Desk::new(Lang::Zh, "sample-data".into(), config.clone());
    d.check_across_elsewhere();
    let items = files
        .iter()
        .map(|p| Item::from(check_file(p, &config)))
        .collect();
    d.event(Event::Loaded(items));
    assert!(!d.season_ahead(), "still loading");
    d.event(Event::Finished);
    assert!(!d.season_ahead(), "the checks across the folder are out");
    answer_across(&mut d, &config);
    assert!(d.season_ahead());
    d.count_season_ahead();
    assert!(!d.season_ahead());
    assert_eq!(d.season(), Some(&counted_afresh(&d)));
    assert_eq!(d.overlay(), None, "counted, not shown");
    // Files changing forget them; they are counted ahead again once the
    // checks across the folder they set off are back.
    d.event(Event::Removed(vec!["yx-mzj.json".into()]));
    assert_eq!(d.season(), None);
    assert!(!d.season_ahead());
    answer_across(&mut d, &config);
    assert!(d.season_ahead());
}

/// The checks across the folder the desk asked for, run and answered, as
/// the terminal's worker does.
fn answer_across(d: &mut Desk, config: &Config) {
    let (asked, folder) = d
        .take_effects()
        .into_iter()
        .find_map(|e| match e {
            crate::desk::Effect::CheckAcross { asked, folder } => Some((asked, folder)),
            _ => None,
        })
        .expect("the checks across the folder asked for");
    d.event(Event::CheckedAcross {
        asked,
        marks: folder.run(config),
    });
}
