//! The reviewer's last word on the 审核意见, by keys in the preview: a
//! part reworded, a point left out and put back, a point added; what the
//! export then writes; a resubmission; words a crash left.

use super::judge::setup;
use super::keys;
use crate::desk::outside::perform;
use crate::desk::{Desk, Effect, Event, Overlay};
use crate::i18n::Lang;
use crate::review::draft::{Draft, Orphan, Target};
use crate::review::notice::{Issue, text};

/// The notice of the folder's first declaration as `export --format md`
/// writes it, dated as the desk dates it.
fn exported(outside: &crate::desk::outside::Outside) -> String {
    let rows = crate::review::export::gather(&outside.dir, &outside.config).unwrap();
    let issue = Issue::on(
        jiff::civil::Date::constant(2026, 12, 1),
        &outside.config.notice,
    );
    let notices =
        crate::review::export::notices(&rows, &outside.config.notice, &issue, false, Lang::Zh);
    text::markdown(&notices[0].1, Lang::Zh)
}

fn chosen(desk: &Desk) -> usize {
    match desk.overlay() {
        Some(&Overlay::Preview { at, .. }) => at,
        other => panic!("the preview is not up: {other:?}"),
    }
}

fn preview(desk: &Desk) -> String {
    desk.preview().unwrap().join("\n")
}

#[test]
fn a_point_reworded_dropped_and_added_by_keys_is_what_the_export_writes() {
    let (_f, _d, mut desk, mut outside) = setup(&["tianhe-sfj.json"]);
    keys(&mut desk, "<Enter>r3");
    perform(&mut desk, &mut outside);
    // The opening, 财政供养人员数, the two QUANT-01 rows, QUANT-04, the closing.
    keys(&mut desk, "vj");
    assert_eq!(chosen(&desk), 1);
    keys(&mut desk, "e");
    let editor = desk.editor().expect("e opens the editor on the point");
    assert_eq!(editor.text, "财政供养人员数未填写。建议补充填写。");
    keys(&mut desk, "请一并补填下属二级单位数。<Ctrl-S>");
    perform(&mut desk, &mut outside);
    assert_eq!(chosen(&desk), 1, "back to the preview, on the same point");
    let shown = preview(&desk);
    assert!(
        shown.contains("建议补充填写。请一并补填下属二级单位数。〔已改写〕"),
        "{shown}"
    );
    // The next point (the two QUANT-01 rows) leaves the notice.
    keys(&mut desk, "jx");
    perform(&mut desk, &mut outside);
    let shown = preview(&desk);
    assert!(
        shown.contains("符合省市考核标准") && shown.contains("〔已删去，按 x 恢复〕"),
        "the preview still shows it, to be put back: {shown}"
    );
    // A point of the reviewer's own after it.
    keys(&mut desk, "o");
    assert!(desk.editor().is_some_and(|e| e.text.is_empty()));
    keys(&mut desk, "请补充成本指标。<Ctrl-S>");
    perform(&mut desk, &mut outside);
    assert!(preview(&desk).contains("请补充成本指标。〔新增〕"));

    let md = exported(&outside);
    assert!(
        md.contains("（一）财政供养人员数未填写。建议补充填写。请一并补填下属二级单位数。"),
        "{md}"
    );
    assert!(!md.contains("符合省市考核标准"), "the point left out: {md}");
    assert!(!md.contains('〔'), "no desk mark in a document: {md}");
    let added = md.find("（一）请补充成本指标。").expect(&md);
    let restates = md.find("（二）指标“法律援助受益人数”").expect(&md);
    assert!(added < restates, "added after the point it was added at");

    // x on the point left out puts it back.
    let at = chosen(&desk);
    assert!(preview(&desk).contains("〔新增〕"));
    keys(&mut desk, "k");
    assert_eq!(chosen(&desk), at - 1);
    keys(&mut desk, "x");
    perform(&mut desk, &mut outside);
    assert!(exported(&outside).contains("符合省市考核标准"));
    // The history says who wrote which, and when.
    keys(&mut desk, "q6");
    let (_, _, lines) = desk.pane_lines().unwrap();
    let history: Vec<String> = lines.iter().map(|l| l.cells.join(" ")).collect();
    let history = history.join("\n");
    assert!(
        history.contains("审核意见：一点改写为")
            && history.contains("审核意见：增加一点“请补充成本指标。”"),
        "{history}"
    );
    assert!(history.contains("王审核"), "{history}");
}

#[test]
fn the_opening_is_reworded_but_never_left_out() {
    let (_f, _d, mut desk, mut outside) = setup(&["tianhe-sfj.json"]);
    keys(&mut desk, "<Enter>r3");
    perform(&mut desk, &mut outside);
    keys(&mut desk, "vx");
    assert!(desk.effects().is_empty(), "nothing written");
    assert!(
        desk.notice()
            .is_some_and(|n| n.text().contains("开头和结尾不能删去"))
    );
    keys(&mut desk, "e");
    let editor = desk.editor().unwrap();
    assert!(editor.text.starts_with("你单位报送的"), "{}", editor.text);
    keys(&mut desk, "经研究，<Ctrl-S>");
    perform(&mut desk, &mut outside);
    assert!(exported(&outside).contains("重新报送。具体意见如下：经研究，"));
    // u: the generated words back.
    keys(&mut desk, "u");
    perform(&mut desk, &mut outside);
    assert!(!exported(&outside).contains("经研究，"));
}

#[test]
fn a_resubmitted_file_shows_the_earlier_rewording_as_not_applied() {
    let (folder, _d, mut desk, mut outside) = setup(&["tianhe-sfj.json"]);
    keys(&mut desk, "<Enter>r3");
    perform(&mut desk, &mut outside);
    keys(&mut desk, "vjx");
    perform(&mut desk, &mut outside);
    assert!(!exported(&outside).contains("财政供养人员数未填写"));
    // The department sends the file again (a byte more).
    let path = folder.path().join("tianhe-sfj.json");
    let mut bytes = std::fs::read(&path).unwrap();
    bytes.push(b'\n');
    std::fs::write(&path, bytes).unwrap();
    let item = crate::desk::Item::load(&path, &outside.config);
    desk.event(Event::Reloaded(vec![item]));
    assert!(
        exported(&outside).contains("财政供养人员数未填写"),
        "an earlier version's rewording is not applied"
    );
    let shown = preview(&desk);
    assert!(
        shown.contains("申报表已重新报送：此前版本的审核意见上有 1 处改写，未用于这一版本"),
        "{shown}"
    );
}

#[test]
fn words_for_the_notice_a_crash_left_open_again_and_go_back_to_the_preview() {
    let (_f, _d, mut desk, mut outside) = setup(&["tianhe-sfj.json"]);
    let target = Target::Reword {
        part: "opening".into(),
        after: None,
    };
    let draft = Draft::new(
        &outside.dir.display().to_string(),
        "tianhe-sfj.json",
        target,
        "改写中的开头",
    );
    desk.event(Event::Restore(vec![Orphan {
        draft,
        path: "/drafts/tianhe-sfj.json.json".into(),
    }]));
    assert_eq!(desk.editor().map(|e| e.text.as_str()), Some("改写中的开头"));
    desk.take_effects();
    keys(&mut desk, "<Ctrl-S>");
    assert!(matches!(
        desk.effects(),
        [Effect::Save { target: Target::Reword { part, .. }, .. }] if part == "opening"
    ));
    perform(&mut desk, &mut outside);
    assert!(matches!(
        desk.overlay(),
        Some(Overlay::Preview { at: 0, .. })
    ));
    assert!(preview(&desk).contains("改写中的开头〔已改写〕"));
}

#[test]
fn paging_the_preview_moves_the_view_and_chooses_a_part_in_it() {
    let (_f, _d, mut desk, mut outside) = setup(&["tianhe-sfj.json"]);
    desk.event(Event::Resize { rows: 8, cols: 60 });
    keys(&mut desk, "<Enter>r3");
    perform(&mut desk, &mut outside);
    keys(&mut desk, "v<PgDn>");
    let Some(&Overlay::Preview { scroll, at }) = desk.overlay() else {
        panic!("the preview is up")
    };
    assert!(scroll > 0 && at > 0, "paged on: row {scroll}, part {at}");
    let shown = desk.preview_of_notice().unwrap();
    let rows = crate::desk::preview::rows(&shown, 60);
    assert!(
        rows[scroll..scroll + 8].iter().any(|(_, p)| *p == Some(at)),
        "the part chosen is in view"
    );
    keys(&mut desk, "<PgUp><PgUp>");
    assert!(matches!(
        desk.overlay(),
        Some(&Overlay::Preview { scroll: 0, .. })
    ));
}
