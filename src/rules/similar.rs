//! Texts that are nearly the same: the measure XDUP-02 (and, across years,
//! YOY-03) uses — 1 − edit distance ÷ the longer length — and a way to find
//! the alike pairs of a large batch without comparing every pair.
//!
//! Candidates come from shared runs of characters: each text's runs of
//! [`RUN`] characters are summarised by MinHash ([`BANDS`] bands of
//! [`ROWS`] minima), and two texts are candidates when one band agrees.
//! Texts whose runs are mostly shared agree on some band almost surely
//! (nine in ten runs shared: more than 99.9%); a short goal of 60
//! characters with a name put in and a phrase reworded shares two runs in
//! three and is found about 4 times in 5; texts that share a run here
//! and there (the stock phrases every goal uses) seldom do. Each candidate
//! is then confirmed with the exact measure, so a pair is only ever
//! reported when it is alike. What this can miss: a copy whose edits are
//! spread one every few characters, so that few runs survive whole — not
//! how goals are copied (a name or a year changed, a phrase added) — and
//! now and then a short one.

use super::Param;
use super::configured::{Setting, SettingError, ValueRule, exact_decimal, within};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

/// The setting of the rules that find one text alike another (XDUP-02,
/// YOY-03): how alike, as 1 − edit distance ÷ the longer length.
#[derive(Debug, Clone, serde::Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Similarity {
    #[serde(deserialize_with = "exact_decimal")]
    pub min_similarity: Decimal,
}

impl Default for Similarity {
    fn default() -> Self {
        Similarity {
            min_similarity: Decimal::new(9, 1),
        }
    }
}

impl Setting for Similarity {
    const PARAMS: &'static [Param] = &[Param::MinSimilarity];

    fn shown(&self, _: Param) -> Option<String> {
        Some(self.min_similarity.to_string())
    }

    fn validate(&self) -> Result<(), SettingError> {
        match within(Param::MinSimilarity, self.min_similarity) {
            true => Ok(()),
            false => Err(SettingError::Bad {
                key: "min_similarity",
                reason: ValueRule::SimilarityRange,
            }),
        }
    }
}

/// Texts agreeing on a band are paired with at most this many of the next
/// ones that agree: a batch crafted with thousands of near-copies (each pair
/// a candidate) then costs a bounded number of comparisons a text, where
/// pairing all would be quadratic; real batches never fill a band this far.
const WINDOW: usize = 16;
/// The length of the runs of characters compared.
const RUN: usize = 8;
/// MinHash: bands, and minima per band. 20 × 5 missed 2 of the 292
/// short edited copies of the test below where 16 × 6 misses 9, but made
/// 8 times the candidates on the benchmark's goals (stock phrases), and at
/// 100,000 files `check` took a second longer.
const BANDS: usize = 16;
const ROWS: usize = 6;

/// The most edits two texts of these lengths may differ by and still be
/// `min_similarity` alike: `1 − d ÷ max(la, lb) ≥ min_similarity`.
pub fn allowed_edits(la: usize, lb: usize, min_similarity: Decimal) -> usize {
    let longer = Decimal::from(la.max(lb));
    let slack = (Decimal::ONE - min_similarity.min(Decimal::ONE)).max(Decimal::ZERO);
    longer
        .checked_mul(slack)
        .and_then(|d| d.floor().to_usize())
        .unwrap_or(0)
}

/// Are `a` and `b` at least `min_similarity` alike?
pub fn alike(a: &[char], b: &[char], min_similarity: Decimal) -> bool {
    if a.is_empty() && b.is_empty() {
        return true;
    }
    let k = allowed_edits(a.len(), b.len(), min_similarity);
    edit_distance_within(a, b, k).is_some()
}

/// The Levenshtein distance of `a` and `b` if it is at most `k`: only the
/// band of cells within `k` of the diagonal is computed, and the work stops
/// as soon as every cell of a row is over `k`.
pub fn edit_distance_within(a: &[char], b: &[char], k: usize) -> Option<usize> {
    // What both begin and end with costs nothing: a copy with a year
    // changed leaves a few characters in the middle to compare.
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[prefix..], &b[prefix..]);
    let suffix = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (a, b) = (&a[..a.len() - suffix], &b[..b.len() - suffix]);
    let (a, b) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if b.len() - a.len() > k {
        return None;
    }
    let big = k + 1;
    // prev[j] is the distance of a[..i] and b[..j]; cells outside the band
    // stand at `big`.
    let mut prev: Vec<usize> = (0..=b.len()).map(|j| j.min(big)).collect();
    let mut cur = vec![big; b.len() + 1];
    for i in 1..=a.len() {
        let lo = i.saturating_sub(k).max(1);
        let hi = (i + k).min(b.len());
        cur[0] = i.min(big);
        if lo > 1 {
            cur[lo - 1] = big;
        }
        let mut best = cur[0];
        for j in lo..=hi {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let v = (prev[j - 1] + cost).min(prev[j] + 1).min(cur[j - 1] + 1);
            cur[j] = v.min(big);
            best = best.min(cur[j]);
        }
        if hi < b.len() {
            cur[hi + 1] = big;
        }
        if best > k {
            return None;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    let d = prev[b.len()];
    (d <= k).then_some(d)
}

/// splitmix64's finaliser: a good mix of 64 bits.
fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// One key per band: the hash of the band's minima over the text's runs.
/// The `BANDS × ROWS` minima come from one pass over the runs (one
/// permutation hashing: a run's hash picks its bin and is a candidate for
/// that bin's minimum), where a hash function a minimum cost a pass each —
/// 96 passes, a fifth of `check`'s time on a batch. A bin no run fell in
/// borrows the minimum of another bin, chosen by a fixed sequence of
/// probes from its own number, so two texts fill an empty bin alike
/// (Shrivastava 2017, "optimal densification"): two texts then agree on a
/// bin with the probability that they share a run, as with a function a
/// minimum.
fn band_keys(text: &[char]) -> [u64; BANDS] {
    const BINS: usize = BANDS * ROWS;
    let width = RUN.min(text.len()).max(1);
    let mut minima = [u64::MAX; BINS];
    let mut filled = [false; BINS];
    for w in text.windows(width) {
        let h = mix(w
            .iter()
            .fold(0u64, |h, c| h.wrapping_mul(0x100_0000_01b3) ^ u64::from(*c)));
        // The high half picks the bin (scaled, not a remainder); the low
        // half competes for its minimum.
        let bin = (((h >> 32) * BINS as u64) >> 32) as usize;
        let value = h & 0xffff_ffff;
        if let (Some(m), Some(f)) = (minima.get_mut(bin), filled.get_mut(bin)) {
            *m = (*m).min(value);
            *f = true;
        }
    }
    if filled.iter().any(|f| *f) {
        let own = minima;
        for (bin, m) in minima.iter_mut().enumerate() {
            if filled[bin] {
                continue;
            }
            let lender = (1u64..)
                .map(|probe| (mix(((bin as u64) << 32) | probe) % BINS as u64) as usize)
                .find(|&from| filled[from])
                .unwrap_or(bin);
            // Mixed with the bin's own number, so a borrowed minimum is
            // not the lender's.
            *m = mix(own[lender] ^ ((bin as u64) << 40));
        }
    }
    let mut keys = [0u64; BANDS];
    for (band, key) in keys.iter_mut().enumerate() {
        let mut h = mix(band as u64 + 1);
        for min in &minima[band * ROWS..(band + 1) * ROWS] {
            h = mix(h ^ min);
        }
        *key = h;
    }
    keys
}

/// Every pair `(i, j)`, `i < j`, of distinct texts that are at least
/// `min_similarity` alike (equal texts should be merged by the caller
/// first) — short of [`WINDOW`]: of more than that many texts agreeing on
/// every band they share, each is found alike some of the others, not all. Each text is spelt out as characters only while it is hashed or
/// compared, and the bands are matched one at a time, so the memory held
/// is a few words a text.
pub fn alike_pairs(texts: &[&str], min_similarity: Decimal) -> Vec<(usize, usize)> {
    use rayon::prelude::*;
    let chars = |t: &str| t.chars().collect::<Vec<char>>();
    let keys: Vec<[u64; BANDS]> = texts.par_iter().map(|t| band_keys(&chars(t))).collect();
    // Texts that agree on a band sit side by side once it is sorted.
    let mut candidates: Vec<(usize, usize)> = Vec::new();
    let mut column: Vec<(u64, usize)> = Vec::with_capacity(keys.len());
    for band in 0..BANDS {
        column.clear();
        column.extend(keys.iter().enumerate().map(|(i, k)| (k[band], i)));
        column.sort_unstable();
        for run in column.chunk_by(|a, b| a.0 == b.0).filter(|r| r.len() > 1) {
            for (n, &(_, i)) in run.iter().enumerate() {
                let after = run.iter().skip(n + 1).take(WINDOW);
                candidates.extend(after.map(|&(_, j)| (i.min(j), i.max(j))));
            }
        }
    }
    candidates.sort_unstable();
    candidates.dedup();
    candidates
        .into_par_iter()
        .filter(|&(i, j)| alike(&chars(texts[i]), &chars(texts[j]), min_similarity))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    /// The distance by the full table, to hold the banded one to.
    fn levenshtein(a: &[char], b: &[char]) -> usize {
        let mut prev: Vec<usize> = (0..=b.len()).collect();
        for i in 1..=a.len() {
            let mut cur = vec![i; b.len() + 1];
            for j in 1..=b.len() {
                let cost = usize::from(a[i - 1] != b[j - 1]);
                cur[j] = (prev[j - 1] + cost).min(prev[j] + 1).min(cur[j - 1] + 1);
            }
            prev = cur;
        }
        prev[b.len()]
    }

    #[test]
    fn the_banded_distance_agrees_with_the_full_table() {
        let words = [
            "",
            "司法局",
            "司法行政局",
            "全面完成年度重点工作",
            "全面完成年度各项重点工作任务",
            "完成年度重点工作全面",
            "kitten",
            "sitting",
        ];
        for a in words {
            for b in words {
                let (a, b) = (chars(a), chars(b));
                let full = levenshtein(&a, &b);
                for k in 0..12 {
                    let got = edit_distance_within(&a, &b, k);
                    assert_eq!(got, (full <= k).then_some(full), "{a:?} {b:?} k={k}");
                }
            }
        }
    }

    #[test]
    fn allowed_edits_is_a_tenth_of_the_longer_rounded_down() {
        assert_eq!(allowed_edits(20, 19, d("0.9")), 2);
        assert_eq!(allowed_edits(29, 20, d("0.9")), 2);
        assert_eq!(allowed_edits(30, 20, d("0.9")), 3);
        assert_eq!(allowed_edits(295, 292, d("0.9")), 29);
        assert_eq!(allowed_edits(100, 100, d("1")), 0);
        assert_eq!(allowed_edits(100, 100, d("0.75")), 25);
    }

    #[test]
    fn alike_is_ninety_per_cent_by_default() {
        // 20 characters: two edits are alike, three are not.
        let a = chars("完善公共服务体系提升群众满意度和获得感");
        assert_eq!(a.len(), 19);
        let a = chars("完善公共服务体系提升群众满意度和获得感啊");
        let two = chars("完善公共法律体系提升群众满意度和获得感啊");
        let three = chars("完善公共法律体系提升人民满意度和获得感啊");
        assert!(alike(&a, &two, d("0.9")));
        assert!(!alike(&a, &three, d("0.9")));
    }

    /// A goal of `n` clauses out of a stock of phrases, as the benchmark's
    /// generator writes them (every goal shares phrases with every other).
    fn stock_goal(seed: u64, n: usize) -> String {
        const STOCK: [&str; 8] = [
            "深入贯彻落实上级决策部署",
            "健全工作机制和责任体系",
            "强化全过程绩效管理",
            "推进重点项目建设",
            "加强基层队伍专业化建设",
            "完善公共服务供给体系",
            "开展常态化监督检查",
            "巩固拓展工作成效",
        ];
        let mut x = seed;
        (0..n)
            .map(|_| {
                x = mix(x);
                STOCK[(x % STOCK.len() as u64) as usize]
            })
            .collect()
    }

    #[test]
    fn a_copy_is_found_among_many_goals_of_stock_phrases() {
        let mut texts: Vec<String> = (0..400).map(|i| stock_goal(i, 12)).collect();
        // Text 400 is text 7 with a department's name put in and a phrase
        // changed; text 401 is text 9 with a character changed.
        let copy = format!("区教育局{}", &stock_goal(7, 12));
        texts.push(copy.replacen("巩固拓展", "巩固提升", 1));
        let mut nine = chars(&texts[9]);
        nine[3] = '甲';
        texts.push(nine.into_iter().collect());
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let pairs = alike_pairs(&refs, d("0.9"));
        assert!(pairs.contains(&(7, 400)), "{pairs:?}");
        assert!(pairs.contains(&(9, 401)), "{pairs:?}");
        for &(i, j) in &pairs {
            assert!(alike(&chars(refs[i]), &chars(refs[j]), d("0.9")), "{i} {j}");
        }
    }

    #[test]
    fn copies_edited_as_departments_edit_them_are_nearly_all_found() {
        // 300 goals of 6 to 15 clauses and a copy of each with a
        // department's name put in front and one phrase reworded: 6 edits,
        // within the 10% allowed of all but the shortest. Short texts (few
        // runs, many bins borrowed) are the hard case.
        let n = 300;
        let mut texts: Vec<String> = (0..n)
            .map(|i| stock_goal(1000 + i, 6 + i as usize % 10))
            .collect();
        for i in 0..n as usize {
            let copy = format!("某区某局{}", texts[i]);
            let copy = match copy.find("强化") {
                Some(_) => copy.replacen("强化", "加大", 1),
                None => copy.replacen("推进", "加快", 1),
            };
            texts.push(copy);
        }
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let pairs = alike_pairs(&refs, d("0.9"));
        let missed: Vec<usize> = (0..n as usize)
            .filter(|&i| alike(&chars(refs[i]), &chars(refs[i + n as usize]), d("0.9")))
            .filter(|&i| !pairs.contains(&(i, i + n as usize)))
            .collect();
        let alike_copies = (0..n as usize)
            .filter(|&i| alike(&chars(refs[i]), &chars(refs[i + n as usize]), d("0.9")))
            .count();
        assert!(alike_copies > 250, "{alike_copies}");
        // 9 of 292 missed, all short (a function a minimum missed 14).
        assert!(
            missed.len() <= 9,
            "{} of {alike_copies} missed: {missed:?}",
            missed.len()
        );
    }

    #[test]
    fn thousands_of_near_copies_cost_a_bounded_number_of_comparisons() {
        // A crafted batch: 600 distinct goals, each one character off the
        // same text. Paired all, 179,700 comparisons; in windows, at most
        // 600 × BANDS × WINDOW.
        let base: Vec<char> = stock_goal(3, 6).chars().collect();
        let texts: Vec<String> = (0..600)
            .map(|i: usize| {
                let mut t = base.clone();
                let at = i % t.len();
                t[at] = char::from_u32(0x4e00 + i as u32).unwrap();
                t.into_iter().collect()
            })
            .collect();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let pairs = alike_pairs(&refs, d("0.9"));
        assert!(pairs.len() <= 600 * BANDS * WINDOW);
        // Each is still found alike others.
        let mut found = vec![false; refs.len()];
        for &(i, j) in &pairs {
            found[i] = true;
            found[j] = true;
        }
        assert!(found.iter().all(|f| *f));
    }
}
