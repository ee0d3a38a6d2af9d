//! Doing what the desk asked: writing journals and keeping drafts. This is
//! the desk's only contact with the disk; the terminal loop calls
//! [`perform`] after each batch of input, and tests call it directly.

use super::{Desk, Effect, Event};
use crate::config::Config;
use crate::review::act::{self, ActError};
use crate::review::draft::{Draft, Store, Target};
use crate::review::review_of;
use std::path::PathBuf;

/// What the effects need: the folder, the configuration, who signs, and
/// where drafts are kept.
pub struct Outside {
    pub dir: PathBuf,
    pub config: Config,
    pub reviewer: String,
    /// The draft store, or why there is none (the reviewer is told at the
    /// first word typed, since then nothing protects the draft).
    pub drafts: Result<Store, std::io::Error>,
    /// Starts reading the folder again in the background (the terminal
    /// layer answers with the changes, as the watcher does).
    pub rescan: Box<dyn FnMut(Vec<String>)>,
}

/// Does every effect the desk queued, in order, and tells the desk how
/// each went; repeats while answering queues more.
pub fn perform(desk: &mut Desk, outside: &mut Outside) {
    loop {
        let effects = desk.take_effects();
        if effects.is_empty() {
            return;
        }
        // Each keep replaces the draft whole: only the newest one matters.
        let newest_keep = effects
            .iter()
            .rposition(|e| matches!(e, Effect::KeepDraft(_)));
        for (i, effect) in effects.into_iter().enumerate() {
            match effect {
                Effect::KeepDraft(draft) if Some(i) == newest_keep => keep(desk, outside, &draft),
                Effect::KeepDraft(_) => {}
                Effect::ClearDraft => {
                    if let Ok(store) = &outside.drafts {
                        // A draft left behind is restored once more next
                        // time: better than the other way round.
                        let _ = store.clear();
                    }
                }
                Effect::ReleaseOrphan(path) => {
                    if let Ok(store) = &outside.drafts {
                        let _ = store.release(&path);
                    }
                }
                Effect::Decide {
                    file,
                    decision,
                    grade,
                    seen,
                } => {
                    let path = outside.dir.join(&file);
                    let (who, config) = (&outside.reviewer, &outside.config);
                    let written = act::decide(&path, decision, grade, who, seen.as_deref(), config);
                    answer(desk, outside, file, written, false);
                }
                Effect::Save {
                    file,
                    target,
                    text,
                    seen,
                } => {
                    let path = outside.dir.join(&file);
                    let (who, config) = (&outside.reviewer, &outside.config);
                    let written = match target {
                        Target::New { place } => {
                            act::comment_on(&path, place, &text, who, seen.as_deref(), config)
                        }
                        Target::Edit { of, .. } => {
                            act::edit(&path, &of, &text, who, config).map(act::Written::from)
                        }
                    };
                    if let Err(ActError::NoSuchComment(_)) = written {
                        desk.event(Event::EditedCommentGone);
                        continue;
                    }
                    answer(desk, outside, file, written, true);
                }
                Effect::Rescan { known } => (outside.rescan)(known),
                Effect::Withdraw { file, of } => {
                    let path = outside.dir.join(&file);
                    let written = act::withdraw(&path, &of, &outside.reviewer, &outside.config)
                        .map(act::Written::from);
                    answer(desk, outside, file, written, false);
                }
            }
        }
    }
}

fn keep(desk: &mut Desk, outside: &Outside, draft: &Draft) {
    let kept = match &outside.drafts {
        Ok(store) => store.keep(draft),
        Err(e) => Err(std::io::Error::new(e.kind(), e.to_string())),
    };
    if let Err(e) = kept {
        desk.event(Event::SaveFailed(crate::i18n::draft_not_kept(
            desk.lang(),
            &e,
        )));
    }
}

/// Tells the desk what writing to `file`'s journal came to.
fn answer(
    desk: &mut Desk,
    outside: &Outside,
    file: String,
    written: Result<act::Written, ActError>,
    from_editor: bool,
) {
    match written {
        Ok(w) => {
            let review = review_of(&outside.dir.join(&file), &outside.config);
            desk.event(if from_editor {
                Event::CommentSaved { file, review }
            } else {
                Event::ReviewChanged { file, review }
            });
            if w.changed_since_seen {
                desk.event(Event::ChangedSinceSeen);
            }
        }
        Err(e) => {
            let mut why = crate::i18n::act_error(desk.lang(), &e);
            if from_editor {
                why.push_str(crate::i18n::words_kept(desk.lang()));
            }
            desk.event(Event::SaveFailed(why))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::desk::Command;
    use crate::desk::editor::EditKey;
    use crate::desk::panes::Pane;
    use crate::desk::{Item, Notice};
    use crate::i18n::Lang;
    use crate::review::journal_path;

    /// A folder with the seed in it, its desk with the seed open, and a
    /// draft store.
    fn setup() -> (tempfile::TempDir, Desk, Outside) {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("folder");
        std::fs::create_dir(&folder).unwrap();
        std::fs::copy(crate::testing::seed(), folder.join("tianhe-sfj.json")).unwrap();
        let config = Config::default();
        let mut desk = Desk::new(Lang::Zh, folder.display().to_string(), config.clone());
        let item = Item::load(&folder.join("tianhe-sfj.json"), &config);
        desk.event(Event::Loaded(vec![item]));
        desk.event(Event::Finished);
        desk.command(Command::Open);
        desk.command(Command::ShowPane(Pane::Budget));
        let outside = Outside {
            dir: folder,
            config,
            reviewer: "王审核".into(),
            drafts: Store::open(&dir.path().join("drafts")),
            rescan: Box::new(|_| {}),
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
        desk.command(Command::Comment);
        for c in "预算差1.10万元".chars() {
            desk.command(Command::Type(EditKey::Char(c)));
        }
        perform(&mut desk, &mut outside);
        assert_eq!(kept(&dir)[0].text, "预算差1.10万元", "kept as typed");
        // The journal cannot be written: a folder stands where it goes.
        let journal = journal_path(&outside.dir.join("tianhe-sfj.json"));
        std::fs::create_dir(&journal).unwrap();
        desk.command(Command::Save);
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
        desk.command(Command::Save);
        perform(&mut desk, &mut outside);
        assert!(desk.editor().is_none());
        assert!(kept(&dir).is_empty());
        let review = review_of(&outside.dir.join("tianhe-sfj.json"), &Config::default());
        assert_eq!(review.comments.len(), 1);
        assert_eq!(review.comments[0].text, "预算差1.10万元");
        assert_eq!(review.comments[0].reviewer, "王审核");
        assert_eq!(desk.items()[0].review, review, "the desk shows it");
    }

    #[test]
    fn editing_a_comment_a_colleague_withdrew_keeps_the_words_as_a_new_comment() {
        let (_dir, mut desk, mut outside) = setup();
        let file = outside.dir.join("tianhe-sfj.json");
        let first =
            act::comment(&file, "budget", None, "预算不平衡", "李", &outside.config).unwrap();
        desk.event(Event::ReviewChanged {
            file: "tianhe-sfj.json".into(),
            review: review_of(&file, &Config::default()),
        });
        desk.command(Command::ShowPane(Pane::Review));
        desk.command(Command::Down);
        desk.command(Command::EditComment);
        for c in "，差1.10万元".chars() {
            desk.command(Command::Type(EditKey::Char(c)));
        }
        // Meanwhile the colleague takes it back.
        act::withdraw(&file, &first.id, "李", &outside.config).unwrap();
        desk.command(Command::Save);
        perform(&mut desk, &mut outside);
        let editor = desk.editor().expect("the words stay");
        assert_eq!(editor.text, "预算不平衡，差1.10万元");
        assert!(matches!(editor.target, Target::New { .. }));
        assert!(matches!(desk.notice(), Some(Notice::Problem(_))));
        desk.command(Command::Save);
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
        desk.command(Command::ShowPane(Pane::Indicators));
        desk.command(Command::Down);
        desk.command(Command::Down);
        desk.command(Command::Comment);
        let place = desk.editor().unwrap().target.clone();
        for c in "目标值偏低".chars() {
            desk.command(Command::Type(EditKey::Char(c)));
        }
        // The department resubmits with its rows in another order.
        let mut v: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
        v["indicators"].as_array_mut().unwrap().reverse();
        std::fs::write(&file, serde_json::to_vec(&v).unwrap()).unwrap();
        desk.command(Command::Save);
        perform(&mut desk, &mut outside);
        assert!(desk.editor().is_none(), "saved: {:?}", desk.notice());
        assert!(
            matches!(desk.notice(), Some(Notice::Problem(t)) if t.contains("重新提交")),
            "the reviewer is told: {:?}",
            desk.notice()
        );
        let journal = crate::review::read(&journal_path(&file), u64::MAX).unwrap();
        assert_eq!(journal.records.len(), 1);
        let record = &journal.records[0];
        assert_eq!(
            record.declaration_sha256, seen,
            "pinned to the version seen"
        );
        let Target::New { place } = place else {
            panic!("a new comment")
        };
        assert!(
            matches!(&record.body, crate::review::Body::Comment { place: p, .. } if *p == place)
        );
        let review = review_of(&file, &Config::default());
        assert!(review.comments[0].earlier_version);
    }

    #[test]
    fn without_a_draft_store_the_reviewer_is_told_at_the_first_word() {
        let (_dir, mut desk, mut outside) = setup();
        outside.drafts = Err(std::io::Error::other("read-only file system"));
        desk.command(Command::Comment);
        desk.command(Command::Type(EditKey::Char('意')));
        perform(&mut desk, &mut outside);
        assert!(
            matches!(desk.notice(), Some(Notice::Problem(t)) if t.contains("草稿无法自动保存")),
            "{:?}",
            desk.notice()
        );
        assert_eq!(desk.editor().unwrap().text, "意");
    }
}
