//! What the desk asks, done on a real folder: journals and drafts.

use super::keys;
use crate::config::Config;
use crate::desk::outside::{Outside, perform};
use crate::desk::{Desk, Event, Item, Notice};
use crate::i18n::Lang;
use crate::review::draft::{Draft, Store, Target};
use crate::review::{act, my_journal, review_of};

/// A folder with the seed in it, its desk with the seed open, and a
/// draft store.
fn setup() -> (tempfile::TempDir, Desk, Outside) {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("folder");
    std::fs::create_dir(&folder).unwrap();
    std::fs::copy(crate::testing::seed(), folder.join("tianhe-sfj.json")).unwrap();
    let config = Config::default();
    let mut desk = Desk::new(Lang::Zh, folder.display().to_string(), config.clone());
    desk.event(Event::SignedBy("王审核".into()));
    let item = Item::load(&folder.join("tianhe-sfj.json"), &config);
    desk.event(Event::Loaded(vec![item]));
    desk.event(Event::Finished);
    keys(&mut desk, "<Enter>2");
    let outside = Outside {
        dir: folder,
        config,
        reviewer: "王审核".into(),
        drafts: Store::open(&dir.path().join("drafts")),
        rescan: Box::new(|_| {}),
        across: Box::new(|_, _| {}),
    };
    (dir, desk, outside)
}

fn kept(dir: &tempfile::TempDir) -> Vec<Draft> {
    std::fs::read_dir(dir.path().join("drafts"))
        .unwrap()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "json"))
        .map(|e| serde_json::from_slice(&std::fs::read(e.path()).unwrap()).unwrap())
        .collect()
}

#[test]
fn a_save_that_fails_keeps_the_words_on_screen_and_on_disk_then_succeeds() {
    let (dir, mut desk, mut outside) = setup();
    keys(&mut desk, "c预算差1.10万元");
    perform(&mut desk, &mut outside);
    assert_eq!(kept(&dir)[0].text, "预算差1.10万元", "kept as typed");
    // The journal cannot be written: a folder stands where it goes.
    let journal = my_journal(&outside.dir.join("tianhe-sfj.json"));
    std::fs::create_dir(&journal).unwrap();
    keys(&mut desk, "<Ctrl-S>");
    perform(&mut desk, &mut outside);
    assert!(
        matches!(desk.notice(), Some(Notice::Problem(t)) if t.contains("无法写入审核记录")),
        "{:?}",
        desk.notice()
    );
    assert_eq!(desk.editor().unwrap().text, "预算差1.10万元");
    assert_eq!(kept(&dir).len(), 1, "the draft survives");
    // Fixed: the same words save, the draft goes, the journal has them.
    std::fs::remove_dir(&journal).unwrap();
    keys(&mut desk, "<Ctrl-S>");
    perform(&mut desk, &mut outside);
    assert!(desk.editor().is_none());
    assert!(kept(&dir).is_empty());
    let review = review_of(&outside.dir.join("tianhe-sfj.json"), &Config::default());
    assert_eq!(review.comments.len(), 1);
    assert_eq!(review.comments[0].text, "预算差1.10万元");
    assert_eq!(review.comments[0].reviewer, "王审核");
    assert_eq!(*desk.items()[0].review, review, "the desk shows it");
}

#[test]
fn editing_a_comment_a_colleague_withdrew_keeps_the_words_as_a_new_comment() {
    let (_dir, mut desk, mut outside) = setup();
    let file = outside.dir.join("tianhe-sfj.json");
    let first = act::comment(&file, "budget", None, "预算不平衡", "李", &outside.config).unwrap();
    desk.event(Event::ReviewChanged {
        file: "tianhe-sfj.json".into(),
        review: review_of(&file, &Config::default()),
    });
    keys(&mut desk, "6jE");
    keys(&mut desk, "，差1.10万元");
    // Meanwhile the colleague takes it back.
    act::withdraw(&file, &first.id, "李", &outside.config).unwrap();
    keys(&mut desk, "<Ctrl-S>");
    perform(&mut desk, &mut outside);
    let editor = desk.editor().expect("the words stay");
    assert_eq!(editor.text, "预算不平衡，差1.10万元");
    assert!(matches!(editor.target, Target::New { .. }));
    assert!(matches!(desk.notice(), Some(Notice::Problem(_))));
    keys(&mut desk, "<Ctrl-S>");
    perform(&mut desk, &mut outside);
    assert!(desk.editor().is_none());
    let review = review_of(&file, &Config::default());
    let texts: Vec<(&str, bool)> = review
        .comments
        .iter()
        .map(|c| (c.text.as_str(), c.withdrawn))
        .collect();
    assert_eq!(
        texts,
        [("预算不平衡", true), ("预算不平衡，差1.10万元", false)]
    );
}

#[test]
fn a_file_resubmitted_under_the_editor_gets_the_comment_pinned_to_the_version_seen() {
    // Issue 8: the comment was written on the new file's row 2, against
    // the new hash, without a word.
    let (_dir, mut desk, mut outside) = setup();
    let file = outside.dir.join("tianhe-sfj.json");
    let seen = crate::review::sha256_hex(&std::fs::read(&file).unwrap());
    keys(&mut desk, "4jjc");
    let place = desk.editor().unwrap().target.clone();
    keys(&mut desk, "目标值偏低");
    // The department resubmits with its rows in another order.
    let mut v: serde_json::Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    v["indicators"].as_array_mut().unwrap().reverse();
    std::fs::write(&file, serde_json::to_vec(&v).unwrap()).unwrap();
    keys(&mut desk, "<Ctrl-S>");
    perform(&mut desk, &mut outside);
    assert!(desk.editor().is_none(), "saved: {:?}", desk.notice());
    assert!(
        matches!(desk.notice(), Some(Notice::Problem(t)) if t.contains("重新提交")),
        "the reviewer is told: {:?}",
        desk.notice()
    );
    let journal = crate::review::read(&my_journal(&file), u64::MAX).unwrap();
    assert_eq!(journal.records.len(), 1);
    let record = &journal.records[0];
    assert_eq!(
        record.declaration_sha256, seen,
        "pinned to the version seen"
    );
    let Target::New { place } = place else {
        panic!("a new comment")
    };
    assert!(matches!(&record.body, crate::review::Body::Comment { place: p, .. } if *p == place));
    let review = review_of(&file, &Config::default());
    assert!(review.comments[0].earlier_version);
}

#[test]
fn without_a_draft_store_the_reviewer_is_told_at_the_first_word() {
    let (_dir, mut desk, mut outside) = setup();
    outside.drafts = Err(std::io::Error::other("read-only file system"));
    keys(&mut desk, "c意");
    perform(&mut desk, &mut outside);
    assert!(
        matches!(desk.notice(), Some(Notice::Problem(t)) if t.contains("草稿无法自动保存")),
        "{:?}",
        desk.notice()
    );
    assert_eq!(desk.editor().unwrap().text, "意");
}

/// Issue 19, item 9: 360,000 characters pasted make a record longer than
/// any reader reads. The save is refused saying the limit; the words stay
/// in the editor and in the draft; nothing reaches the journal.
#[test]
fn a_comment_too_long_for_the_journal_is_refused_and_kept() {
    let (dir, mut desk, mut outside) = setup();
    keys(&mut desk, "c");
    let long = "审".repeat(360_000);
    desk.command(crate::desk::Command::Type(
        crate::desk::editor::EditKey::Paste(long.clone()),
    ));
    keys(&mut desk, "<Ctrl-S>");
    perform(&mut desk, &mut outside);
    assert!(
        matches!(desk.notice(), Some(Notice::Problem(t)) if t.contains("上限 1048576 字节")),
        "{:?}",
        desk.notice()
            .map(|n| format!("{n:?}").chars().take(200).collect::<String>())
    );
    assert_eq!(desk.editor().map(|e| e.text.len()), Some(long.len()));
    assert_eq!(kept(&dir)[0].text.len(), long.len(), "the draft keeps it");
    let journal = my_journal(&outside.dir.join("tianhe-sfj.json"));
    assert_eq!(std::fs::read(journal).unwrap_or_default().len(), 0);
}

/// Issue 19, colleagues: a draft begun by a desk signed 测试 and restored
/// into one signed 王审核 keeps its name: the editor's title says so, and
/// it is saved under it. The title gives when it was kept in the
/// reviewer's zone, not in UTC.
#[test]
fn a_restored_draft_keeps_the_name_it_was_begun_under() {
    use crate::review::Place;
    let (dir, mut desk, mut outside) = setup();
    let folder = outside.dir.display().to_string();
    let mut draft = Draft::new(
        &folder,
        "tianhe-sfj.json",
        Target::New {
            place: Place::Declaration,
        },
        "测试时写的意见",
    );
    draft.reviewer = Some("测试".into());
    draft.at = "2026-12-04T08:16:21.397Z".into();
    {
        let ended = Store::open(&dir.path().join("drafts")).unwrap();
        ended.keep(&draft).unwrap();
    }
    let orphans = outside.drafts.as_mut().unwrap().adopt(&folder);
    assert_eq!(orphans.len(), 1);
    desk.event(Event::Clock {
        today: jiff::civil::date(2026, 12, 4),
        zone: jiff::tz::TimeZone::fixed(jiff::tz::offset(8)),
    });
    desk.event(Event::Restore(orphans));
    assert_eq!(
        desk.editor().and_then(|e| e.signer.clone()),
        Some("测试".into())
    );
    let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 30)).unwrap();
    let theme = crate::tui::theme::Theme {
        color: false,
        ascii: false,
    };
    let table = crate::tui::keymap::table();
    t.draw(|f| crate::tui::render::draw(f, &desk, &theme, &table))
        .unwrap();
    let screen = crate::tui::render::buffer_text(t.backend().buffer());
    assert!(
        screen.contains("恢复的草稿（2026-12-04 16:16）"),
        "{screen}"
    );
    assert!(screen.contains("署名 测试"), "{screen}");
    keys(&mut desk, "<Ctrl-S>");
    perform(&mut desk, &mut outside);
    let review = review_of(&outside.dir.join("tianhe-sfj.json"), &Config::default());
    assert_eq!(review.comments.len(), 1);
    assert_eq!(review.comments[0].reviewer, "测试");
}
