//! Writing from the desk, by keys: the editor, its questions, edits,
//! withdrawals, and drafts a crash left.

use super::{desk, keys, open_at, review_is};
use crate::desk::panes::Pane;
use crate::desk::{Desk, Effect, Event, Notice, Overlay};
use crate::model::Location;
use crate::review::draft::{Draft, Orphan, Target};
use crate::review::{Body, Decision, Place, Review};

fn asks_discard(d: &Desk) -> bool {
    matches!(d.overlay(), Some(Overlay::Editor { discard: true, .. }))
}

fn text(d: &Desk) -> &str {
    &d.editor().expect("the editor is open").text
}

/// The seed with one standing comment by 王审核 on its budget.
fn seed_with_a_comment() -> Desk {
    let mut d = desk();
    review_is(&mut d, "tianhe-sfj.json", seed_review());
    d
}

fn seed_review() -> Review {
    let body = Body::Comment {
        place: Place::Location {
            path: "budget".into(),
        },
        text: "预算不平衡".into(),
    };
    super::one_record("王审核", "2026-11-26T09:00:00.000Z", body)
}

#[test]
fn c_on_a_flag_writes_about_that_flag_and_every_word_is_kept_as_typed() {
    let mut d = desk();
    open_at(&mut d, "sfj", Pane::Problems);
    keys(&mut d, "Gc");
    let target = d.editor().unwrap().target.clone();
    assert!(
        matches!(target.place(), Place::Flag { rule, .. } if !rule.is_empty()),
        "{target:?}"
    );
    keys(&mut d, "请补充<Enter>成本指标");
    assert_eq!(text(&d), "请补充\n成本指标");
    let keeps: Vec<&Draft> = d
        .effects()
        .iter()
        .filter_map(|e| match e {
            Effect::KeepDraft(draft) => Some(draft),
            _ => None,
        })
        .collect();
    assert_eq!(keeps.len(), 8, "one keep per change");
    assert_eq!(keeps[7].text, "请补充\n成本指标");
    assert_eq!(keeps[7].file, "tianhe-sfj.json");
    d.take_effects();
    // Letters that are commands elsewhere only type here.
    keys(&mut d, "q");
    assert_eq!(text(&d), "请补充\n成本指标q");
    keys(&mut d, "<Backspace>");
    d.take_effects();
    keys(&mut d, "<Ctrl-S>");
    assert_eq!(
        d.take_effects(),
        vec![Effect::Save {
            file: "tianhe-sfj.json".into(),
            target,
            text: "请补充\n成本指标".into(),
            seen: None,
            signer: None,
        }]
    );
    assert!(d.editor().is_some(), "open until the journal has it");
    d.event(Event::CommentSaved {
        file: "tianhe-sfj.json".into(),
        review: Review::default(),
    });
    assert!(d.editor().is_none());
    assert_eq!(d.effects(), [Effect::ClearDraft]);
    assert!(matches!(d.notice(), Some(Notice::Done(_))));
}

#[test]
fn f2_saves_too() {
    let mut d = desk();
    open_at(&mut d, "sfj", Pane::Budget);
    keys(&mut d, "c差额");
    d.take_effects();
    keys(&mut d, "<F2>");
    assert!(matches!(d.effects(), [Effect::Save { text, .. }] if text == "差额"));
}

#[test]
fn a_failed_save_keeps_the_words_in_the_editor() {
    let mut d = desk();
    open_at(&mut d, "sfj", Pane::Budget);
    keys(&mut d, "c差额1.10万元<Ctrl-S>");
    d.take_effects();
    d.event(Event::SaveFailed("无法写入审核记录（只读）".into()));
    assert_eq!(text(&d), "差额1.10万元");
    assert!(matches!(d.notice(), Some(Notice::Problem(_))));
    assert!(d.effects().is_empty(), "the draft is not cleared");
}

#[test]
fn esc_asks_before_words_are_thrown_away() {
    let mut d = desk();
    open_at(&mut d, "sfj", Pane::Overview);
    keys(&mut d, "c<Esc>");
    assert!(d.editor().is_none(), "nothing typed: closes at once");
    keys(&mut d, "c整体目标偏笼统");
    d.take_effects();
    keys(&mut d, "<Esc>");
    assert!(asks_discard(&d));
    keys(&mut d, "j");
    assert!(asks_discard(&d), "only y or n answers");
    keys(&mut d, "n");
    assert_eq!(text(&d), "整体目标偏笼统", "n: back to writing");
    assert!(d.effects().is_empty());
    keys(&mut d, "<Esc>y");
    assert!(d.editor().is_none());
    assert_eq!(d.effects(), [Effect::ClearDraft]);
}

#[test]
fn empty_words_are_not_saved_and_ctrl_c_leaves_the_draft_for_next_time() {
    let mut d = desk();
    open_at(&mut d, "sfj", Pane::Overview);
    keys(&mut d, "c<Space><Space>");
    d.take_effects();
    keys(&mut d, "<Ctrl-S>");
    assert!(d.effects().is_empty());
    assert!(matches!(d.notice(), Some(Notice::Problem(_))));
    keys(&mut d, "写了一半");
    d.take_effects();
    keys(&mut d, "<Ctrl-C>");
    assert!(d.quit());
    assert!(
        d.effects().is_empty(),
        "the draft is not cleared on the way out"
    );
}

#[test]
fn e_edits_and_x_withdraws_the_comment_under_the_cursor() {
    let mut d = seed_with_a_comment();
    open_at(&mut d, "sfj", Pane::Review);
    keys(&mut d, "E");
    assert!(
        matches!(d.notice(), Some(Notice::Problem(_))),
        "the decision line is not a comment"
    );
    keys(&mut d, "jE");
    assert_eq!(text(&d), "预算不平衡", "the comment's words to edit");
    keys(&mut d, "<Esc>");
    assert!(d.editor().is_none(), "unchanged: nothing to lose");
    keys(&mut d, "E，差1.10万元");
    d.take_effects();
    keys(&mut d, "<Ctrl-S>");
    assert_eq!(
        d.take_effects(),
        vec![Effect::Save {
            file: "tianhe-sfj.json".into(),
            target: Target::Edit {
                of: "c1".into(),
                place: Place::Location {
                    path: "budget".into()
                }
            },
            text: "预算不平衡，差1.10万元".into(),
            seen: None,
            signer: None,
        }]
    );
    d.event(Event::CommentSaved {
        file: "tianhe-sfj.json".into(),
        review: seed_review(),
    });
    d.take_effects();
    keys(&mut d, "x");
    assert_eq!(
        d.overlay(),
        Some(&Overlay::Withdraw {
            file: "tianhe-sfj.json".into(),
            of: "c1".into()
        })
    );
    keys(&mut d, "y");
    assert_eq!(
        d.effects(),
        [Effect::Withdraw {
            file: "tianhe-sfj.json".into(),
            of: "c1".into()
        }]
    );
}

#[test]
fn n_to_the_withdraw_question_keeps_the_comment() {
    let mut d = seed_with_a_comment();
    open_at(&mut d, "sfj", Pane::Review);
    keys(&mut d, "jxj");
    assert!(
        matches!(d.overlay(), Some(Overlay::Withdraw { .. })),
        "only y or n answers"
    );
    keys(&mut d, "n");
    assert_eq!((d.overlay(), d.effects()), (None, &[][..]));
}

#[test]
fn c_in_the_review_pane_writes_at_the_same_place_as_the_comment() {
    let mut d = seed_with_a_comment();
    open_at(&mut d, "sfj", Pane::Review);
    keys(&mut d, "jc");
    assert_eq!(
        d.editor().unwrap().target,
        Target::New {
            place: Place::Location {
                path: "budget".into()
            }
        }
    );
}

fn orphan(file: &str, place: Place, text: &str) -> Orphan {
    Orphan {
        draft: Draft::new("sample-data", file, Target::New { place }, text),
        path: format!("/drafts/{file}.json").into(),
    }
}

#[test]
fn a_draft_left_by_a_crash_opens_where_it_was_written_once_its_file_is_in() {
    use crate::check::check_file;
    use crate::load::declaration_files;
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
    let config = crate::config::Config::default();
    let mut d = Desk::new(crate::i18n::Lang::Zh, "sample-data".into(), config.clone());
    d.event(Event::Restore(vec![
        orphan(
            "tianhe-sfj.json",
            Place::Location {
                path: "indicators[23]".into(),
            },
            "目标值不可衡量",
        ),
        orphan("gone.json", Place::Declaration, "文件已删除"),
    ]));
    assert!(d.editor().is_none(), "nothing loaded yet");
    let files = declaration_files(&dir).unwrap();
    let items = files
        .iter()
        .map(|p| crate::desk::Item::from(check_file(p, &config)))
        .collect();
    d.event(Event::Loaded(items));
    assert_eq!(text(&d), "目标值不可衡量");
    let (pane, at, lines) = d.pane_lines().unwrap();
    assert_eq!(pane, Pane::Indicators);
    assert_eq!(lines[at].location, Some(Location::Indicator(23, None)));
    assert!(
        matches!(d.effects(), [Effect::KeepDraft(k), Effect::ReleaseOrphan(p)]
        if k.text == "目标值不可衡量" && p.ends_with("tianhe-sfj.json.json"))
    );
    d.take_effects();
    d.event(Event::Finished);
    assert_eq!(text(&d), "目标值不可衡量", "the next waits its turn");
    keys(&mut d, "<Esc>y");
    assert!(d.editor().is_none(), "gone.json never arrived");
    assert!(
        !d.effects()
            .iter()
            .any(|e| matches!(e, Effect::ReleaseOrphan(p) if p.ends_with("gone.json.json"))),
        "its draft stays in the store"
    );
    assert!(matches!(d.notice(), Some(Notice::Problem(t)) if t.contains("gone.json")));
}

#[test]
fn d_filters_the_list_by_decision() {
    let mut d = desk();
    let mut review = seed_review();
    review.verdict = Some(crate::review::Verdict {
        decision: Decision::Return,
        grade: None,
        reviewer: "王审核".into(),
        login: None,
        at: "2026-11-26T10:00:00.000Z".into(),
        earlier_version: false,
        vouch: crate::review::journals::Vouch::Vouched,
    });
    review_is(&mut d, "tianhe-sfj.json", review);
    keys(&mut d, "d");
    assert_eq!(d.decision(), Some(Decision::Pending));
    assert_eq!(d.rows().len(), 18, "all but the returned one");
    keys(&mut d, "d");
    assert_eq!(d.decision(), Some(Decision::Return));
    assert_eq!(d.rows().len(), 1);
    assert_eq!(d.items()[d.rows()[0].item].entry.file, "tianhe-sfj.json");
    keys(&mut d, "d");
    assert_eq!((d.decision(), d.rows().len()), (Some(Decision::Approve), 0));
    keys(&mut d, "d");
    assert_eq!((d.decision(), d.rows().len()), (None, 19));
}

#[test]
fn from_a_comment_to_its_place_and_back_to_the_comment() {
    let mut d = seed_with_a_comment();
    open_at(&mut d, "sfj", Pane::Review);
    keys(&mut d, "j<Enter>");
    let (pane, _, _) = d.pane_lines().unwrap();
    assert_eq!(pane, Pane::Budget, "the comment's place");
    keys(&mut d, "6");
    let (_, at, lines) = d.pane_lines().unwrap();
    assert_eq!(lines[at].comment, Some(0), "back on the same comment");
}
