//! Issue 23's measure of search: a district's folder of 1,000 departments
//! (its 20 commonest bureaus and 980 streets, schools, clinics and the
//! like), every query a reviewer types for a bureau putting that bureau
//! first, and no query of three or more letters keeping more than a tenth
//! of the folder that is not it.

use super::{SearchKey, Searcher};

const REGION: &str = "广州市云溪区";

/// A district's 20 commonest bureaus.
const BUREAUS: [&str; 20] = [
    "发展和改革局",
    "教育局",
    "科学技术局",
    "工业和信息化局",
    "民政局",
    "司法局",
    "财政局",
    "人力资源和社会保障局",
    "生态环境局",
    "住房和城乡建设局",
    "交通运输局",
    "水务局",
    "农业农村局",
    "商务局",
    "文化广电旅游体育局",
    "卫生健康局",
    "退役军人事务局",
    "应急管理局",
    "审计局",
    "统计局",
];

/// The folder: 980 units of the district, then its bureaus.
fn folder() -> Vec<String> {
    let first = "东西南北金石新永太白龙沙江岭黄长棠员车凤兴五林华";
    let second = "山湖岗城沙井塘和平云洞河村";
    let kinds = [
        "街道办事处",
        "社区卫生服务中心",
        "小学",
        "中学",
        "幼儿园",
        "文化站",
        "派出所",
        "图书馆",
        "敬老院",
        "卫生院",
    ];
    let places: Vec<String> = first
        .chars()
        .flat_map(|a| second.chars().map(move |b| format!("{a}{b}")))
        .take(98)
        .collect();
    // The bureaus last: ties would favour the rows first in the folder.
    let mut names: Vec<String> = Vec::new();
    for place in &places {
        for kind in kinds {
            names.push(format!("{REGION}{place}{kind}"));
        }
    }
    names.extend(BUREAUS.iter().map(|b| format!("{REGION}{b}")));
    names
}

/// The folder's rows that `query` keeps, best first (ties in file order).
fn ranked(keys: &[(String, SearchKey)], query: &str) -> Vec<String> {
    let mut searcher = Searcher::default();
    searcher.set_shared_region(Some(REGION));
    let mut hits: Vec<(i64, &String)> = keys
        .iter()
        .filter_map(|(name, key)| searcher.hit(key, query).map(|h| (h.score, name)))
        .collect();
    hits.sort_by_key(|(score, _)| std::cmp::Reverse(*score));
    hits.into_iter().map(|(_, n)| n.clone()).collect()
}

#[test]
fn every_query_finds_its_bureau_first_and_keeps_little_else() {
    let names = folder();
    assert_eq!(names.len(), 1000);
    let keys: Vec<(String, SearchKey)> = names
        .iter()
        .enumerate()
        .map(|(i, n)| {
            (
                n.clone(),
                SearchKey::new(n, &format!("{i:04}.json"), REGION),
            )
        })
        .collect();
    let queries = [
        ("sfj", "司法局"),
        ("sifaju", "司法局"),
        ("sj", "审计局"),
        ("shenjiju", "审计局"),
        ("tjj", "统计局"),
        ("tongjiju", "统计局"),
        ("wjj", "卫生健康局"),
        ("weishengjiankangju", "卫生健康局"),
        ("jyj", "教育局"),
        ("jiaoyuju", "教育局"),
        ("sthj", "生态环境局"),
        ("shengtaihuanjingju", "生态环境局"),
        ("rsj", "人力资源和社会保障局"),
        ("fgj", "发展和改革局"),
        ("司法", "司法局"),
    ];
    let mut report = Vec::new();
    for (query, bureau) in queries {
        let rows = ranked(&keys, query);
        let first = rows.first().map(String::as_str).unwrap_or("(none)");
        let unrelated = rows.iter().filter(|n| !n.contains(bureau)).count();
        report.push(format!(
            "{query}: first {first}, {} kept, {unrelated} unrelated",
            rows.len()
        ));
        assert!(first.ends_with(bureau), "{query}: first is {first}");
        if query.chars().count() >= 3 {
            assert!(
                unrelated * 10 <= names.len(),
                "{query} keeps {unrelated} unrelated rows"
            );
        }
    }
    // The figures, for the record (`cargo test -- --nocapture`).
    println!("{}", report.join("\n"));
}

#[test]
fn the_shared_region_counts_for_nothing() {
    let key = SearchKey::new("广州市云溪区统计局", "a.json", REGION);
    let mut searcher = Searcher::default();
    searcher.set_shared_region(Some(REGION));
    assert!(searcher.hit(&key, "gz").is_none());
    assert!(searcher.hit(&key, "yunxi").is_none());
    // Without a shared region, the district's name is a match, below the
    // department's own.
    let alone = Searcher::default();
    let district = alone.hit(&key, "yunxi").expect("its district");
    let own = alone.hit(&key, "tongji").expect("its own name");
    assert!(own.score > district.score);
}

#[test]
fn a_run_across_region_and_name_needs_two_characters_of_each() {
    // The region is 广州市; the department 金沙街道办事处.
    let key = SearchKey::new("广州市金沙街道办事处", "a.json", "");
    let searcher = Searcher::default();
    // 市|金 is s j with one character either side: not a run; 沙街 is.
    let sj = searcher.hit(&key, "sj").expect("沙街");
    assert_eq!(sj.name_chars, vec![4, 5]);
    // 市金沙 as a run does not count; scattered, it ranks below any run.
    let sjs = searcher.hit(&key, "sjs");
    assert!(sjs.as_ref().is_none_or(|h| h.score < sj.score), "{sjs:?}");
    // Typed whole, across the boundary, it is meant.
    assert!(
        searcher
            .hit(&key, "gzsjs")
            .is_some_and(|h| h.name_chars == vec![0, 1, 2, 3, 4])
    );
}

#[test]
fn a_syllable_is_not_matched_from_its_middle() {
    let key = SearchKey::new("广州市天河区司法局", "a.json", "");
    let searcher = Searcher::default();
    let tianhe = searcher.hit(&key, "tianhe").expect("from its start");
    assert_eq!(tianhe.name_chars, vec![3, 4]);
    // `anhe` only from the middle of tian: scattered at best, never a run.
    assert!(
        searcher
            .hit(&key, "anhe")
            .is_none_or(|h| h.score < tianhe.score)
    );
}

#[test]
fn a_rare_reading_finds_runs_but_no_scattered_letters() {
    // 市 may be read fu: 云山市体育局's initials are then ysfbyj, where
    // s f … j are in order. No one typing sfj means the sports bureau.
    let key = SearchKey::new("云山市体育局", "ysh-tyj.xlsx", "云山市");
    assert_eq!(Searcher::default().hit(&key, "sfj"), None);
    // The second readings reviewers need still find their runs.
    let key = SearchKey::new("重庆市驻穗办", "cq.json", "");
    assert!(Searcher::default().hit(&key, "chongqing").is_some());
}

#[test]
fn initials_by_a_rarer_reading_rank_below_the_usual_ones() {
    // 信 may be read shen: 信访局's initials are then sfj too.
    let justice = SearchKey::new("广州市黄埔区司法局（19）", "a.json", "");
    let petitions = SearchKey::new("广州市番禺区信访局（0）", "b.json", "");
    let searcher = Searcher::default();
    let (j, p) = (
        searcher.hit(&justice, "sfj"),
        searcher.hit(&petitions, "sfj"),
    );
    assert!(
        j.zip(p.clone()).is_some_and(|(j, p)| j.score > p.score),
        "{p:?}"
    );
    // 长沙 by its usual reading's initials, zs, and by the one meant, cs.
    let key = SearchKey::new("长沙市商务局", "c.json", "");
    assert!(searcher.hit(&key, "cs").is_some());
}
