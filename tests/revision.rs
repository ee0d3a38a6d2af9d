//! A workbook returned, then resubmitted with one cell changed: the 修改情况
//! the JSON export carries, read through the command line as a reviewer
//! runs it.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failure is a failed test

mod common;

use common::{rezip, sample_file, shenhe};
use serde_json::Value;

#[test]
fn a_workbook_resubmitted_is_held_to_the_notice_sent() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("yx-nyj.xlsx");
    std::fs::copy(sample_file("yx-nyj.xlsx"), &file).unwrap();
    let f = file.to_str().unwrap();
    let out = shenhe(&[
        "decide",
        f,
        "return",
        "--grade",
        "中",
        "--reviewer",
        "王审核",
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The department types a number where 逐年提高 stood (the annual
    // target, Sheet1!D23), and leaves 进一步提升 in the period's: the
    // place changed, the problem stands.
    let resubmit = |from: &str, to: &str| {
        let bytes = std::fs::read(&file).unwrap();
        let fixed = rezip(&bytes, "xl/sharedStrings.xml", |x| x.replace(from, to));
        std::fs::write(&file, fixed).unwrap();
        let out = shenhe(&["export", dir.path().to_str().unwrap(), "--format", "json"]);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice::<Value>(&out.stdout).unwrap()
    };
    let v = resubmit("逐年提高", "≥5%");
    let rev = &v["declarations"][0]["revision"];
    assert_eq!(rev["version_kept"], true, "{rev:#}");
    assert_eq!(rev["points"][0]["status"], "still_flagged", "{rev:#}");
    assert!(
        rev["points"][0]["text"]
            .as_str()
            .unwrap()
            .contains("逐年提高"),
        "{rev:#}"
    );
    assert_eq!(rev["unanswered"], serde_json::json!([1]));
    assert_eq!(rev["changes"][0]["kind"], "target");
    assert_eq!(rev["changes"][0]["location"], "indicators[6]");
    assert_eq!(rev["changes"][0]["after"], "≥5%");
    // Then the period's too: the point is answered, nothing stands.
    let v = resubmit("进一步提升", "≥15%");
    let rev = &v["declarations"][0]["revision"];
    assert_eq!(rev["points"][0]["status"], "fixed", "{rev:#}");
    assert_eq!(rev["unanswered"], serde_json::json!([]));
    assert!(
        v["declarations"][0]["flags"]
            .as_array()
            .unwrap()
            .iter()
            .all(|f| f["rule"] != "QUANT-02"),
        "{:#}",
        v["declarations"][0]["flags"]
    );
}
