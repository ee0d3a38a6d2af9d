use super::*;
use crate::review::{my_journal, read};

fn folder() -> (tempfile::TempDir, PathBuf) {
    let dir = crate::testing::seed_copies(&["tianhe-sfj.json"]);
    let file = dir.path().join("tianhe-sfj.json");
    (dir, file)
}

fn journal_lines(file: &Path) -> usize {
    std::fs::read_to_string(my_journal(file))
        .map(|t| t.lines().count())
        .unwrap_or(0)
}

#[test]
fn comments_on_the_whole_a_place_and_a_flag() {
    let (_dir, file) = folder();
    let c = Config::default();
    comment(&file, "declaration", None, "整体较好", "王审核", &c).unwrap();
    comment(
        &file,
        "budget.income.other",
        None,
        "其他资金为0，请说明",
        "王审核",
        &c,
    )
    .unwrap();
    let r = comment(
        &file,
        "indicators[23]",
        Some("quant-04"),
        "请改为可衡量的目标值",
        "王审核",
        &c,
    )
    .unwrap();
    assert_eq!(
        r.body,
        Body::Comment {
            place: Place::Flag {
                rule: "QUANT-04".into(),
                path: "indicators[23]".into()
            },
            text: "请改为可衡量的目标值".into()
        }
    );
    let j = read(&my_journal(&file), u64::MAX).unwrap();
    assert_eq!(j.records.len(), 3);
    assert!(j.records.iter().all(|r| r.declaration_sha256.len() == 64));
}

#[test]
fn bad_input_writes_nothing() {
    let (_dir, file) = folder();
    let c = Config::default();
    assert!(matches!(
        comment(&file, "indicators[99]", None, "x", "a", &c),
        Err(ActError::NoSuchPlace(_))
    ));
    assert!(matches!(
        comment(&file, "budget.nope", None, "x", "a", &c),
        Err(ActError::BadLocation(_))
    ));
    assert!(matches!(
        comment(&file, "budget", Some("NOPE-1"), "x", "a", &c),
        Err(ActError::UnknownRule(_))
    ));
    assert!(matches!(
        comment(&file, "budget", None, "  ", "a", &c),
        Err(ActError::EmptyText)
    ));
    assert!(matches!(
        comment(&file, "budget", None, "x", " ", &c),
        Err(ActError::EmptyReviewer)
    ));
    assert!(matches!(
        comment(
            &file.with_file_name("nope.json"),
            "budget",
            None,
            "x",
            "a",
            &c
        ),
        Err(ActError::Unreadable(..))
    ));
    assert_eq!(journal_lines(&file), 0, "nothing was written");
}

#[test]
fn returning_needs_a_standing_comment() {
    let (_dir, file) = folder();
    let c = Config::default();
    decide(
        &file,
        Decision::Approve,
        Some(Grade::Good),
        "a",
        None,
        Guard::Forced,
        &c,
    )
    .unwrap();
    comment(&file, "overall_goal", None, "目标没有量化", "a", &c).unwrap();
    decide(
        &file,
        Decision::Return,
        Some(Grade::Fair),
        "a",
        None,
        Guard::Forced,
        &c,
    )
    .unwrap();
    let j = read(&my_journal(&file), u64::MAX).unwrap();
    let sha = sha256_hex(&std::fs::read(&file).unwrap());
    assert_eq!(Review::of(&j, &sha).decision(), Decision::Return);
}

#[test]
fn edits_and_withdrawals_point_at_a_standing_comment() {
    let (_dir, file) = folder();
    let c = Config::default();
    let first = comment(&file, "overall_goal", None, "目标没有量化", "王", &c).unwrap();
    edit(&file, &first.id, "总体目标没有量化指标", "王", &c).unwrap();
    let sha = sha256_hex(&std::fs::read(&file).unwrap());
    let review = Review::of(&read(&my_journal(&file), u64::MAX).unwrap(), &sha);
    assert_eq!(review.comments[0].text, "总体目标没有量化指标");
    assert!(review.comments[0].edited);
    withdraw(&file, &first.id, "王", &c).unwrap();
    assert!(matches!(
        withdraw(&file, &first.id, "王", &c),
        Err(ActError::NoSuchComment(_))
    ));
    assert!(matches!(
        edit(&file, "no-such-id", "x", "王", &c),
        Err(ActError::NoSuchComment(_))
    ));
    assert!(matches!(
        edit(&file, &first.id, " ", "王", &c),
        Err(ActError::EmptyText)
    ));
    assert_eq!(journal_lines(&file), 3, "the refused ones wrote nothing");
    assert!(matches!(
        comment_on(
            &file,
            Place::Flag {
                rule: "NOPE-9".into(),
                path: "budget".into()
            },
            "x",
            "王",
            None,
            &c
        ),
        Err(ActError::UnknownRule(_))
    ));
}

#[test]
fn a_broken_declaration_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("broken.json");
    std::fs::write(&file, "{not json").unwrap();
    assert!(matches!(
        comment(&file, "budget", None, "x", "a", &Config::default()),
        Err(ActError::NotADeclaration(..))
    ));
    assert!(!my_journal(&file).exists());
}

#[test]
fn a_journal_that_cannot_be_written_fails_with_the_reason_and_writes_nothing() {
    // (A read-only folder does not stop root, who runs these tests here;
    // a folder where the journal should be stops everyone.)
    let (_dir, file) = folder();
    std::fs::create_dir(my_journal(&file)).unwrap();
    let result = comment(&file, "budget", None, "意见", "a", &Config::default());
    match result {
        Err(ActError::Write(path, e)) => {
            assert_eq!(path, my_journal(&file));
            assert_eq!(e, JournalError::NotRegular(crate::safe_fs::Kind::Directory));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        std::fs::read_dir(my_journal(&file)).unwrap().count(),
        0,
        "nothing else written"
    );
}

fn review_now(file: &Path) -> Review {
    let sha = sha256_hex(&std::fs::read(file).unwrap());
    Review::of(&read(&my_journal(file), u64::MAX).unwrap(), &sha)
}

#[test]
fn a_flag_is_judged_and_the_latest_judgement_counts() {
    let (_dir, file) = folder();
    let c = Config::default();
    let at = "indicators[23]";
    let d = |disp, reason: Option<&str>| dispose(&file, "QUANT-04", at, disp, reason, "王", &c);
    assert!(matches!(
        d(Disposition::Dismiss, Some("  ")),
        Err(ActError::DismissWithoutReason)
    ));
    assert!(matches!(
        dispose(
            &file,
            "QUANT-04",
            "indicators[3]",
            Disposition::Accept,
            None,
            "王",
            &c
        ),
        Err(ActError::NoSuchFlag { .. })
    ));
    assert!(matches!(
        dispose(&file, "NOPE-1", at, Disposition::Accept, None, "王", &c),
        Err(ActError::UnknownRule(_))
    ));
    assert_eq!(journal_lines(&file), 0, "the refused ones wrote nothing");

    d(Disposition::Dismiss, Some("受援人数即受益人数，可以接受")).unwrap();
    let review = review_now(&file);
    let judged = review.judged("QUANT-04", at).unwrap();
    assert_eq!(judged.disposition, Disposition::Dismiss);
    assert_eq!(
        judged.reason.as_deref(),
        Some("受援人数即受益人数，可以接受")
    );
    d(Disposition::Accept, None).unwrap();
    let review = review_now(&file);
    assert_eq!(
        review.judged("QUANT-04", at).unwrap().disposition,
        Disposition::Accept
    );
    assert_eq!(review.dispositions.len(), 2, "the history stays");
}

#[test]
fn returning_needs_a_comment_or_a_flag_that_goes_out() {
    let (_dir, file) = folder();
    let c = Config::default();
    // The seed's four warnings go out by default: there is something to return.
    let ret = || {
        decide(
            &file,
            Decision::Return,
            Some(Grade::Fair),
            "a",
            None,
            Guard::AskFirst,
            &c,
        )
    };
    for (rule, at) in [
        ("INFO-01", "department.staff_count"),
        ("QUANT-01", "indicators[20]"),
        ("QUANT-01", "indicators[22]"),
        ("QUANT-04", "indicators[23]"),
    ] {
        dispose(
            &file,
            rule,
            at,
            Disposition::Dismiss,
            Some("可以接受"),
            "a",
            &c,
        )
        .unwrap();
    }
    assert!(matches!(ret(), Err(ActError::ReturnWithNothing)));
    // A note (提示) the reviewer includes goes out, and can be returned on.
    dispose(
        &file,
        "REL-01",
        "overall_goal",
        Disposition::Accept,
        None,
        "a",
        &c,
    )
    .unwrap();
    ret().unwrap();
    assert_eq!(review_now(&file).decision(), Decision::Return);
}

#[test]
fn approving_over_standing_errors_is_refused_unless_forced() {
    let dir = crate::testing::sample_copies(&["yx-jtj.json"]);
    let file = dir.path().join("yx-jtj.json");
    let c = Config::default();
    let approve = |guard| {
        decide(
            &file,
            Decision::Approve,
            Some(Grade::Good),
            "a",
            None,
            guard,
            &c,
        )
    };
    match approve(Guard::AskFirst) {
        Err(e @ ActError::StandingErrors(_)) => {
            let said = e.message(Lang::Zh);
            assert!(
                said.contains("仍有 1 个错误未处理") && said.contains("绩效指标第5行 · HIER-01"),
                "{said}"
            );
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(journal_lines(&file), 0);
    dispose(
        &file,
        "HIER-01",
        "indicators[4]",
        Disposition::Dismiss,
        Some("口径已与部门确认"),
        "a",
        &c,
    )
    .unwrap();
    approve(Guard::AskFirst).unwrap();
    approve(Guard::Forced).unwrap();
}

#[test]
fn a_file_that_did_not_load_is_commented_on_whole_and_returned() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("broken.json");
    std::fs::write(&file, "{not json").unwrap();
    let c = Config::default();
    comment(
        &file,
        "declaration",
        None,
        "文件无法读取，请重新报送",
        "a",
        &c,
    )
    .unwrap();
    assert!(matches!(
        comment(&file, "budget", None, "x", "a", &c),
        Err(ActError::NotADeclaration(..))
    ));
    assert!(matches!(
        decide(&file, Decision::Approve, None, "a", None, Guard::Forced, &c),
        Err(ActError::NotADeclaration(..))
    ));
    decide(
        &file,
        Decision::Return,
        Some(Grade::Poor),
        "a",
        None,
        Guard::AskFirst,
        &c,
    )
    .unwrap();
    assert_eq!(review_now(&file).decision(), Decision::Return);
}
