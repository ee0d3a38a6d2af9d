//! Judging flags and deciding from the desk, pressed through the real
//! keymap and done on a real folder.

use super::keys;
use crate::config::Config;
use crate::desk::outside::{Outside, perform};
use crate::desk::{Desk, Effect, Event, Item, Notice, Overlay};
use crate::i18n::Lang;
use crate::review::Place;
use crate::review::draft::{Store, Target};
use crate::review::{Decision, Disposition, Grade, review_of};
use crate::rules::Severity;

/// A folder with these samples, its desk (nothing open) and the outside.
pub(super) fn setup(names: &[&str]) -> (tempfile::TempDir, tempfile::TempDir, Desk, Outside) {
    let folder = crate::testing::sample_copies(names);
    let drafts = tempfile::tempdir().unwrap();
    let config = Config::default();
    let mut desk = Desk::new(
        Lang::Zh,
        folder.path().display().to_string(),
        config.clone(),
    );
    desk.event(Event::SignedBy("王审核".into()));
    desk.event(Event::Clock {
        today: jiff::civil::Date::constant(2026, 12, 1),
        // The reviewer in 广州: journal times show eight hours on.
        zone: jiff::tz::TimeZone::fixed(jiff::tz::offset(8)),
    });
    let items = names
        .iter()
        .map(|n| Item::load(&folder.path().join(n), &config))
        .collect();
    desk.event(Event::Loaded(items));
    desk.event(Event::Finished);
    let outside = Outside {
        dir: folder.path().to_path_buf(),
        config,
        reviewer: "王审核".into(),
        drafts: Store::open(drafts.path()),
        rescan: Box::new(|_| {}),
        across: Box::new(|_, _| {}),
    };
    (folder, drafts, desk, outside)
}

/// In the open pane of the first declaration, from the bottom up to the
/// line whose first flag is of `rule` (a failing test, not a hang, when
/// there is none).
fn up_to_flag_of(desk: &mut Desk, rule: crate::rules::Rule) {
    keys(desk, "G");
    let here = |desk: &Desk| {
        let (_, at, lines) = desk.pane_lines()?;
        let i = *lines.get(at)?.flags.first()?;
        desk.items()[0].checked()?.flags.get(i).map(|f| f.rule())
    };
    for _ in 0..200 {
        if here(desk) == Some(rule) {
            return;
        }
        keys(desk, "k");
    }
    panic!("no {} flag in the pane", rule.id());
}

fn pane_text(desk: &Desk) -> String {
    let (_, _, lines) = desk.pane_lines().unwrap();
    lines
        .iter()
        .map(|l| l.cells.join(" "))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn a_flag_dismissed_with_a_reason_is_marked_counted_apart_and_left_out() {
    let (_f, _d, mut desk, mut outside) = setup(&["tianhe-sfj.json"]);
    assert_eq!(desk.items()[0].count(Severity::Warning), 4);
    // 问题 pane, second flag: QUANT-01 at 绩效指标第21行.
    keys(&mut desk, "<Enter>5j-");
    let editor = desk.editor().expect("the editor asks the reason");
    assert!(editor.text.is_empty());
    keys(&mut desk, "考核标准明确<Ctrl-S>");
    perform(&mut desk, &mut outside);
    assert!(desk.editor().is_none(), "saved");
    assert!(matches!(desk.notice(), Some(Notice::Done(t)) if t.contains("已不采纳")));
    let review = review_of(&outside.dir.join("tianhe-sfj.json"), &outside.config);
    let judged = review.judged("QUANT-01", "indicators[20]").unwrap();
    assert_eq!(judged.disposition, Disposition::Dismiss);
    assert_eq!(judged.reason.as_deref(), Some("考核标准明确"));
    assert!(
        pane_text(&desk).contains("不采纳：考核标准明确"),
        "{}",
        pane_text(&desk)
    );
    let item = &desk.items()[0];
    assert_eq!((item.count(Severity::Warning), item.dismissed), (3, 1));
    // The preview leaves it out.
    keys(&mut desk, "v");
    assert!(matches!(desk.overlay(), Some(Overlay::Preview { .. })));
    let preview = desk.preview().unwrap().join("\n");
    assert!(!preview.contains("符合省市考核标准"), "{preview}");
    assert!(preview.contains("法律援助受益人数"), "{preview}");
    keys(&mut desk, "<Esc>");
    assert!(desk.overlay().is_none());

    // + includes it again; on a line with no flag it says so.
    keys(&mut desk, "+");
    let effects = desk.effects().to_vec();
    assert!(
        matches!(&effects[..], [Effect::Dispose { judgement, .. }] if judgement.disposition == Disposition::Accept && judgement.rule == "QUANT-01"),
        "{effects:?}"
    );
    perform(&mut desk, &mut outside);
    assert_eq!(desk.items()[0].count(Severity::Warning), 4);
    keys(&mut desk, "1g+");
    assert!(desk.effects().is_empty());
    assert!(matches!(desk.notice(), Some(Notice::Problem(t)) if t.contains("没有问题")));
}

#[test]
fn every_flag_of_a_rule_is_dismissed_at_once_here_or_in_the_whole_batch() {
    let (_f, _d, mut desk, mut outside) = setup(&[
        "tianhe-sfj.json",
        "ysh-tyj.xlsx",
        "yx-whj.json",
        "yx-daj.json",
    ]);
    // The seed's 问题 pane, its second flag: QUANT-01 (two in the file).
    keys(&mut desk, "<Enter>5j_");
    let Some(Overlay::DismissRule(Target::DismissRule {
        place,
        flags,
        files,
        ..
    })) = desk.overlay().cloned()
    else {
        panic!("asks first: {:?}", desk.overlay());
    };
    assert_eq!(
        (place, flags, files),
        (
            Place::Flag {
                rule: "QUANT-01".into(),
                path: "indicators[20]".into()
            },
            2,
            1
        )
    );
    // n: nothing; y: the editor, for the reason once.
    keys(&mut desk, "n");
    assert!(desk.overlay().is_none() && desk.effects().is_empty());
    keys(&mut desk, "_y");
    assert!(desk.editor().is_some(), "{:?}", desk.overlay());
    keys(&mut desk, "定性指标另有考核标准<Ctrl-S>");
    perform(&mut desk, &mut outside);
    assert!(desk.editor().is_none(), "saved: {:?}", desk.notice());
    assert!(
        matches!(desk.notice(), Some(Notice::Done(t)) if t.contains("QUANT-01 的全部 2 个问题")),
        "{:?}",
        desk.notice()
    );
    let review = review_of(&outside.dir.join("tianhe-sfj.json"), &outside.config);
    for path in ["indicators[20]", "indicators[22]"] {
        let j = review.judged("QUANT-01", path).unwrap();
        assert_eq!(j.disposition, Disposition::Dismiss);
        assert_eq!(j.path, None, "one rule-wide record");
    }
    let seed = &desk.items()[desk
        .items()
        .iter()
        .position(|i| i.entry.file == "tianhe-sfj.json")
        .unwrap()];
    assert_eq!((seed.count(Severity::Warning), seed.dismissed), (2, 2));

    // D on HIER-04: the three declarations of the batch that have it.
    keys(&mut desk, "5");
    up_to_flag_of(&mut desk, crate::rules::Rule::Hier04);
    keys(&mut desk, "D");
    let Some(Overlay::DismissRule(Target::DismissRule { flags, files, .. })) =
        desk.overlay().cloned()
    else {
        panic!("asks first: {:?}", desk.overlay());
    };
    assert_eq!((flags, files), (3, 3));
    keys(&mut desk, "y全区统一不要求成本指标<Ctrl-S>");
    perform(&mut desk, &mut outside);
    assert!(desk.editor().is_none(), "saved: {:?}", desk.notice());
    for f in ["tianhe-sfj.json", "ysh-tyj.xlsx", "yx-whj.json"] {
        let review = review_of(&outside.dir.join(f), &outside.config);
        let j = review.judged("HIER-04", "indicators").unwrap();
        assert_eq!(j.reason.as_deref(), Some("全区统一不要求成本指标"), "{f}");
    }
    assert!(!crate::review::my_journal(&outside.dir.join("yx-daj.json")).exists());
    // The list follows: each of the three counts its HIER-04 dismissed.
    let whj = desk
        .items()
        .iter()
        .find(|i| i.entry.file == "yx-whj.json")
        .unwrap();
    assert_eq!(whj.dismissed, 1);
}

#[test]
fn a_batch_dismissal_that_cannot_write_one_journal_keeps_the_words() {
    let (_f, _d, mut desk, mut outside) = setup(&["tianhe-sfj.json", "yx-whj.json"]);
    // yx-whj's journal is a folder: nothing can be appended to it.
    let blocked = crate::review::my_journal(&outside.dir.join("yx-whj.json"));
    std::fs::create_dir(&blocked).unwrap();
    keys(&mut desk, "<Enter>5");
    up_to_flag_of(&mut desk, crate::rules::Rule::Hier04);
    keys(&mut desk, "Dy全区统一不要求成本指标<Ctrl-S>");
    perform(&mut desk, &mut outside);
    let editor = desk.editor().expect("the words stay in the editor");
    assert_eq!(editor.text, "全区统一不要求成本指标");
    assert!(
        matches!(desk.notice(), Some(Notice::Problem(t)) if t.contains("yx-whj.json")),
        "{:?}",
        desk.notice()
    );
    // The open declaration was not written either: saving again writes it.
    let seed = outside.dir.join("tianhe-sfj.json");
    assert!(review_of(&seed, &outside.config).dispositions.is_empty());
    std::fs::remove_dir(&blocked).unwrap();
    keys(&mut desk, "<Ctrl-S>");
    perform(&mut desk, &mut outside);
    assert!(desk.editor().is_none(), "{:?}", desk.notice());
    for f in ["tianhe-sfj.json", "yx-whj.json"] {
        let review = review_of(&outside.dir.join(f), &outside.config);
        assert!(review.judged("HIER-04", "indicators").is_some(), "{f}");
    }
}

#[test]
fn approving_over_standing_errors_asks_first_then_the_grade() {
    let (_f, _d, mut desk, mut outside) = setup(&["yx-jtj.json"]);
    keys(&mut desk, "<Enter>a");
    assert_eq!(desk.overlay(), Some(&Overlay::ApproveAnyway { errors: 1 }));
    keys(&mut desk, "n");
    assert!(
        desk.overlay().is_none() && desk.effects().is_empty(),
        "no: nothing"
    );
    keys(&mut desk, "ay");
    assert_eq!(desk.overlay(), Some(&Overlay::Grade(Decision::Approve)));
    keys(&mut desk, "2");
    perform(&mut desk, &mut outside);
    let review = review_of(&outside.dir.join("yx-jtj.json"), &outside.config);
    let verdict = review.verdict.unwrap();
    assert_eq!(
        (verdict.decision, verdict.grade),
        (Decision::Approve, Some(Grade::Good))
    );
}

#[test]
fn each_decision_offers_only_the_grades_that_fit_it() {
    let (_f, _d, mut desk, mut outside) = setup(&["yx-tjj.json"]);
    // 通过 takes 优 or 良: 差 and 中 leave the question standing.
    keys(&mut desk, "<Enter>a43");
    assert_eq!(desk.overlay(), Some(&Overlay::Grade(Decision::Approve)));
    assert!(desk.effects().is_empty(), "nothing recorded");
    keys(&mut desk, "1");
    perform(&mut desk, &mut outside);
    let verdict = |outside: &Outside| {
        let v = review_of(&outside.dir.join("yx-tjj.json"), &outside.config)
            .verdict
            .unwrap();
        (v.decision, v.grade)
    };
    assert_eq!(
        verdict(&outside),
        (Decision::Approve, Some(Grade::Excellent))
    );
    // 退回修改 takes 中 or 差: 优 and 良 leave it standing; 0 is no grade.
    keys(&mut desk, "c请补充成本说明<Ctrl-S>");
    perform(&mut desk, &mut outside);
    keys(&mut desk, "r12");
    assert_eq!(desk.overlay(), Some(&Overlay::Grade(Decision::Return)));
    keys(&mut desk, "0");
    perform(&mut desk, &mut outside);
    assert_eq!(verdict(&outside), (Decision::Return, None));
    keys(&mut desk, "r4");
    perform(&mut desk, &mut outside);
    assert_eq!(verdict(&outside), (Decision::Return, Some(Grade::Poor)));
}

#[test]
fn a_contradicting_record_shows_as_it_is_marked_and_its_notice_has_no_grade() {
    // A record written by hand (or by an older version): 退回修改 with 优.
    let (_f, _d, mut desk, outside) = setup(&["tianhe-sfj.json"]);
    let file = outside.dir.join("tianhe-sfj.json");
    let sha = crate::review::sha256_hex(&std::fs::read(&file).unwrap());
    // In this account's own journal, as this account.
    let journal = crate::review::my_journal(&file);
    let me = crate::review::act::login().unwrap_or_default();
    let line = format!(
        r#"{{"v":1,"id":"a","reviewer":"李审核","login":"{me}","at":"2026-11-30T02:00:00.000Z","declaration_sha256":"{sha}","kind":"comment","place":{{"kind":"declaration"}},"text":"请量化总体目标"}}
{{"v":1,"id":"b","reviewer":"李审核","login":"{me}","at":"2026-11-30T02:01:00.000Z","declaration_sha256":"{sha}","kind":"decision","decision":"return","grade":"优"}}
"#
    );
    std::fs::write(&journal, line).unwrap();
    let review = review_of(&file, &outside.config);
    let v = review.verdict.as_ref().unwrap();
    assert!(v.contradicts());
    assert_eq!((v.grade, v.fitting_grade()), (Some(Grade::Excellent), None));
    desk.event(Event::Reloaded(vec![Item::load(&file, &outside.config)]));
    keys(&mut desk, "<Enter>6");
    let text = pane_text(&desk);
    assert!(text.contains("退回修改 优（与结论不符）"), "{text}");
    keys(&mut desk, "v");
    let preview = desk.preview().unwrap().join("\n");
    assert!(!preview.contains("“优”"), "{preview}");
    assert!(preview.contains("退回修改"), "{preview}");
}

#[test]
fn returning_with_nothing_to_act_on_is_refused_before_the_grade() {
    let (_f, _d, mut desk, mut outside) = setup(&["yx-daj.json"]);
    keys(&mut desk, "<Enter>r");
    assert!(desk.overlay().is_none(), "no grade asked");
    assert!(
        matches!(desk.notice(), Some(Notice::Problem(t)) if t.contains("没有可退回的内容")),
        "{:?}",
        desk.notice()
    );
    // A comment is something to act on.
    keys(&mut desk, "c请补充成本指标<Ctrl-S>");
    perform(&mut desk, &mut outside);
    keys(&mut desk, "r");
    assert_eq!(desk.overlay(), Some(&Overlay::Grade(Decision::Return)));
}

#[test]
fn the_preview_is_the_notice_the_department_will_read() {
    let (_f, _d, mut desk, mut outside) = setup(&["tianhe-sfj.json"]);
    keys(&mut desk, "<Enter>c总体目标请量化<Ctrl-S>");
    perform(&mut desk, &mut outside);
    keys(&mut desk, "v");
    let before = desk.preview().unwrap().join("\n");
    assert!(before.starts_with("这份申报表还没有退回修改"), "{before}");
    keys(&mut desk, "<Esc>r3");
    perform(&mut desk, &mut outside);
    keys(&mut desk, "v");
    let lines = desk.preview().unwrap();
    assert_eq!(
        lines[0],
        "关于广州市天河区司法局部门整体预算绩效目标的审核意见"
    );
    let text = lines.join("\n");
    assert!(
        text.contains("审核结果为“中”") && text.contains("2026年12月8日"),
        "{text}"
    );
    assert!(
        text.contains("总体目标请量化") && text.contains("（请填写财政局名称）"),
        "{text}"
    );
    // The same words as the export.
    let rows = crate::review::export::gather(&outside.dir, &outside.config).unwrap();
    let issue = crate::review::notice::Issue::on(
        jiff::civil::Date::constant(2026, 12, 1),
        &crate::config::NoticeSettings::default(),
    );
    let notices =
        crate::review::export::notices(&rows, &outside.config.notice, &issue, false, Lang::Zh);
    assert_eq!(
        lines,
        crate::review::notice::text::plain(&notices[0].1, Lang::Zh)
    );
    // Choosing stops at the last part (the closing); Esc closes.
    keys(&mut desk, "G");
    let Some(&Overlay::Preview { scroll, at }) = desk.overlay() else {
        panic!()
    };
    keys(&mut desk, "j");
    assert_eq!(desk.overlay(), Some(&Overlay::Preview { scroll, at }));
    keys(&mut desk, "q");
    assert!(desk.overlay().is_none());
}

#[test]
fn a_file_that_did_not_load_opens_is_commented_on_and_returned() {
    let (_f, _d, mut desk, mut outside) = setup(&["yx-gxj.json"]);
    keys(&mut desk, "<Enter>");
    let text = pane_text(&desk);
    assert!(
        text.contains("金额“1,234.00”写法不对"),
        "why it did not load: {text}"
    );
    keys(&mut desk, "a");
    assert!(
        matches!(desk.notice(), Some(Notice::Problem(t)) if t.contains("不能通过")),
        "{:?}",
        desk.notice()
    );
    keys(&mut desk, "r");
    assert!(desk.overlay().is_none(), "nothing to return on yet");
    keys(&mut desk, "c请按模板修正金额后重新报送<Ctrl-S>");
    perform(&mut desk, &mut outside);
    keys(&mut desk, "r4");
    perform(&mut desk, &mut outside);
    let review = review_of(&outside.dir.join("yx-gxj.json"), &outside.config);
    assert_eq!(review.comments[0].place, crate::review::Place::Declaration);
    assert_eq!(review.decision(), Decision::Return);
    keys(&mut desk, "v");
    let preview = desk.preview().unwrap().join("\n");
    assert!(
        preview.contains("文件无法读取") && preview.contains("请按模板修正金额后重新报送"),
        "{preview}"
    );
    assert!(!preview.contains("yx-gxj"), "no file name: {preview}");
}

/// Issue 19: 乙 deciding otherwise than what 甲 (another account) decided
/// on this version is asked first, naming who decided what and when; no
/// keeps the decision, yes goes on to what any decision asks.
#[test]
fn deciding_over_a_colleague_s_decision_asks_first() {
    use crate::desk::Overlay;
    use crate::review::journals::Vouch;
    let (_f, _d, mut desk, outside) = setup(&["tianhe-sfj.json"]);
    desk.event(Event::RunsAs("yi".into()));
    let file = outside.dir.join("tianhe-sfj.json");
    let mut review = review_of(&file, &outside.config);
    review.verdict = Some(crate::review::Verdict {
        decision: Decision::Return,
        grade: Some(Grade::Fair),
        reviewer: "甲".into(),
        login: Some("jia".into()),
        at: "2026-12-04T02:32:00.000Z".into(),
        earlier_version: false,
        vouch: Vouch::Vouched,
    });
    desk.event(Event::ReviewChanged {
        file: "tianhe-sfj.json".into(),
        review,
    });
    desk.event(Event::Clock {
        today: jiff::civil::date(2026, 12, 4),
        zone: jiff::tz::TimeZone::fixed(jiff::tz::offset(8)),
    });
    keys(&mut desk, "<Enter>a");
    assert_eq!(
        desk.overlay(),
        Some(&Overlay::OverColleague(Decision::Approve))
    );
    let asked = desk.over_colleague_question().unwrap();
    assert!(
        asked.contains("甲〔账号 jia〕 已于 2026-12-04 10:32 退回修改（中）。仍要改为通过"),
        "{asked}"
    );
    keys(&mut desk, "n");
    assert_eq!(desk.overlay(), None);
    assert!(desk.effects().is_empty(), "nothing decided");
    // Returning as 甲 did asks nothing more than returning does.
    keys(&mut desk, "r");
    assert_eq!(desk.overlay(), Some(&Overlay::Grade(Decision::Return)));
    keys(&mut desk, "<Esc>a");
    keys(&mut desk, "y");
    assert!(
        matches!(
            desk.overlay(),
            Some(Overlay::ApproveAnyway { .. } | Overlay::Grade(Decision::Approve))
        ),
        "{:?}",
        desk.overlay()
    );
}
