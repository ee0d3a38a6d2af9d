//! Amounts in 万元: read exactly from the file, shown the way the form prints them.
//!
//! The format allows an amount as a JSON string or a JSON number. Both are
//! judged by their *text* (`-?[0-9]{1,12}(\.[0-9]{1,6})?`), never through
//! `f64`: serde_json's `arbitrary_precision` hands us integers exactly and
//! every other number as the literal written in the file.
//!
//! The twelve-digit bound keeps any sum of a file's amounts far inside
//! 96-bit decimal arithmetic; the sums are still taken with checked
//! arithmetic ([`checked_sum`]), so that no input panics if the bound moves.

use rust_decimal::{Decimal, RoundingStrategy};
use serde::de::{self, Deserializer, MapAccess, Visitor};
use std::fmt;
use std::str::FromStr;

/// The most decimal places an amount may have.
pub const MAX_SCALE: usize = 6;

/// The most digits before the point: no budget reaches a trillion 万元.
pub const MAX_INTEGER_DIGITS: usize = 12;

/// Why an amount's text was refused. Carried through serde's string-only
/// error channel by [`encode_problem`] / [`decode_problem`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AmountError {
    /// Not a plain decimal: thousands separator, unit, exponent, `5.`, too many places…
    Malformed(String),
    /// A plain decimal with more than [`MAX_INTEGER_DIGITS`] before the point.
    TooLarge(String),
}

// A prefix no human-written serde message starts with.
const MARK_MALFORMED: &str = "\u{1}shenhe-amount-malformed\u{1}";
const MARK_TOO_LARGE: &str = "\u{1}shenhe-amount-too-large\u{1}";

pub(crate) fn encode_problem(p: &AmountError) -> String {
    match p {
        AmountError::Malformed(t) => format!("{MARK_MALFORMED}{t}"),
        AmountError::TooLarge(t) => format!("{MARK_TOO_LARGE}{t}"),
    }
}

/// Recovers an [`AmountError`] from a serde error message, if it is one.
pub(crate) fn decode_problem(msg: &str) -> Option<AmountError> {
    let find = |mark: &str| {
        msg.find(mark).map(|i| {
            let rest = &msg[i + mark.len()..];
            // serde_json appends " at line L column C" to custom messages.
            let end = rest.rfind(" at line ").unwrap_or(rest.len());
            rest[..end].to_string()
        })
    };
    // The text is cut where it is kept: a hostile file may hold megabytes.
    let cut = |t: String| crate::sanitize::shorten(&t, crate::sanitize::QUOTE_CHARS);
    find(MARK_MALFORMED)
        .map(|t| AmountError::Malformed(cut(t)))
        .or_else(|| find(MARK_TOO_LARGE).map(|t| AmountError::TooLarge(cut(t))))
}

/// Is `text` an amount as the format spells it?
pub fn is_plain_decimal(text: &str) -> bool {
    let digits = text.strip_prefix('-').unwrap_or(text);
    let (int, frac) = match digits.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (digits, None),
    };
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    all_digits(int) && frac.is_none_or(|f| all_digits(f) && f.len() <= MAX_SCALE)
}

/// Parses an amount's text. `Ok(None)` is a blank box.
pub fn parse_text(raw: &str) -> Result<Option<Decimal>, AmountError> {
    let text = raw.trim();
    if text.is_empty() {
        return Ok(None);
    }
    if !is_plain_decimal(text) {
        return Err(AmountError::Malformed(text.to_string()));
    }
    let digits = text.strip_prefix('-').unwrap_or(text);
    let integer = digits.split_once('.').map_or(digits, |(i, _)| i);
    if integer.len() > MAX_INTEGER_DIGITS {
        return Err(AmountError::TooLarge(text.to_string()));
    }
    Decimal::from_str(text)
        .map(Some)
        .map_err(|_| AmountError::TooLarge(text.to_string()))
}

/// The sum of some amounts; `None` when one is blank, or (beyond the
/// format's bound) when the sum would overflow.
pub fn checked_sum(values: impl IntoIterator<Item = Option<Decimal>>) -> Option<Decimal> {
    values
        .into_iter()
        .try_fold(Decimal::ZERO, |acc, v| acc.checked_add(v?))
}

/// `part` as a percentage of `whole`, to one decimal (rounded half up,
/// `14.0`, never `14`); `None` for a zero whole or a share too large to
/// hold.
pub fn percent_of(part: Decimal, whole: Decimal) -> Option<Decimal> {
    if whole.is_zero() {
        return None;
    }
    let mut p = part
        .checked_div(whole)?
        .checked_mul(Decimal::ONE_HUNDRED)?
        .round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero);
    p.rescale(1);
    Some(p)
}

/// serde `deserialize_with` for an amount box: string, number or null.
pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Decimal>, D::Error> {
    d.deserialize_any(AmountVisitor)
}

struct AmountVisitor;

impl AmountVisitor {
    fn finish<E: de::Error>(text: &str) -> Result<Option<Decimal>, E> {
        parse_text(text).map_err(|p| E::custom(encode_problem(&p)))
    }
}

impl<'de> Visitor<'de> for AmountVisitor {
    type Value = Option<Decimal>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an amount")
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Self::finish(v)
    }
    // Integers go through the same grammar, so the digit bound holds for them too.
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        Self::finish(&v.to_string())
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        Self::finish(&v.to_string())
    }
    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Self::Value, E> {
        Self::finish(&v.to_string())
    }
    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Self::Value, E> {
        Self::finish(&v.to_string())
    }
    /// With `arbitrary_precision`, a non-integer number arrives as a one-entry
    /// map holding its literal text.
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        match map.next_key::<String>()? {
            Some(key) if key == "$serde_json::private::Number" => {
                let literal: String = map.next_value()?;
                Self::finish(&literal)
            }
            _ => Err(de::Error::invalid_type(de::Unexpected::Map, &self)),
        }
    }
}

/// An amount as a person reads it: `10891.615675` → `10,891.62`, two
/// decimals rounded half up (for display only: the model, the JSON export
/// and `convert` keep the exact value), thousands separated.
pub fn format_wan(value: Decimal) -> String {
    let mut v = value.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    v.rescale(2);
    // -0.004 rounds to -0.00, which is 0.00 to a reader.
    if v.is_zero() {
        v.set_sign_positive(true);
    }
    group_thousands(&v.to_string())
}

/// A difference as a person reads it: as [`format_wan`], except that one
/// which is not zero but rounds to 0.00 says so (`<0.01`, or `>-0.01`
/// below zero), so that an exact balance and a near one never look alike.
pub fn format_difference(value: Decimal) -> String {
    let shown = format_wan(value);
    match value.cmp(&Decimal::ZERO) {
        std::cmp::Ordering::Greater if shown == "0.00" => "<0.01".into(),
        std::cmp::Ordering::Less if shown == "0.00" => ">-0.01".into(),
        _ => shown,
    }
}

/// `-1234567.10` → `-1,234,567.10`.
fn group_thousands(text: &str) -> String {
    let (sign, digits) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text),
    };
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    let mut grouped = String::with_capacity(text.len() + int.len() / 3);
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    if frac.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}.{frac}")
    }
}

impl std::fmt::Display for AmountError {
    /// For logs and tests; what users see is worded by `i18n` (as a load
    /// error naming the field).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AmountError::Malformed(t) => write!(f, "not a plain decimal: {t}"),
            AmountError::TooLarge(t) => write!(f, "too many digits before the point: {t}"),
        }
    }
}

impl std::error::Error for AmountError {}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn plain_decimals_are_accepted() {
        for ok in ["0", "5105.47", "-3", "0.000001", "12.5", "007"] {
            assert!(is_plain_decimal(ok), "{ok}");
        }
    }

    #[test]
    fn everything_else_is_refused() {
        for bad in [
            "1,234.00",
            "5.",
            ".5",
            "1e3",
            "1E3",
            "12万",
            "１２",
            "0.0000001",
            "+5",
            "--5",
            "-",
            "",
            " 5",
            "5 5",
            "0x10",
            "NaN",
        ] {
            assert!(!is_plain_decimal(bad), "{bad}");
        }
    }

    #[test]
    fn parse_trims_and_treats_white_space_as_blank() {
        assert_eq!(parse_text("  12.30 "), Ok(Some(d("12.30"))));
        assert_eq!(parse_text("   "), Ok(None));
        assert_eq!(
            parse_text("1,234.00"),
            Err(AmountError::Malformed("1,234.00".into()))
        );
        assert!(matches!(
            parse_text("99999999999999999999999999999999"),
            Err(AmountError::TooLarge(_))
        ));
    }

    #[test]
    fn at_most_twelve_integer_digits() {
        assert_eq!(
            parse_text("999999999999.999999"),
            Ok(Some(d("999999999999.999999")))
        );
        assert_eq!(parse_text("-999999999999"), Ok(Some(d("-999999999999"))));
        for long in ["1000000000000", "-1000000000000", "0000000000001.5"] {
            assert_eq!(
                parse_text(long),
                Err(AmountError::TooLarge(long.into())),
                "{long}"
            );
        }
    }

    #[test]
    fn sums_and_shares_never_overflow() {
        assert_eq!(checked_sum([Some(d("1")), Some(d("2.5"))]), Some(d("3.5")));
        assert_eq!(checked_sum([Some(d("1")), None]), None);
        assert_eq!(checked_sum([Some(Decimal::MAX), Some(Decimal::MAX)]), None);
        assert_eq!(percent_of(d("1"), d("4")), Some(d("25")));
        assert_eq!(percent_of(d("1"), d("4")).unwrap().to_string(), "25.0");
        // Half up: 1/7 = 14.2857…%, 1/16 = 6.25%.
        assert_eq!(percent_of(d("1"), d("7")).unwrap().to_string(), "14.3");
        assert_eq!(percent_of(d("1"), d("16")).unwrap().to_string(), "6.3");
        assert_eq!(percent_of(d("14"), d("100")).unwrap().to_string(), "14.0");
        assert_eq!(percent_of(d("1"), Decimal::ZERO), None);
        assert_eq!(percent_of(Decimal::MAX, d("0.000001")), None);
    }

    #[test]
    fn a_hostile_amount_is_kept_short() {
        let long = "9".repeat(7_000_000);
        let msg = encode_problem(&AmountError::Malformed(long));
        let Some(AmountError::Malformed(kept)) = decode_problem(&msg) else {
            panic!("decoded")
        };
        assert_eq!(kept.chars().count(), crate::sanitize::QUOTE_CHARS + 1);
        assert!(kept.ends_with('…'));
    }

    #[test]
    fn problems_survive_the_serde_message_round_trip() {
        let p = AmountError::Malformed("1,234.00".into());
        let msg = format!("{} at line 3 column 9", encode_problem(&p));
        assert_eq!(decode_problem(&msg), Some(p));
        assert_eq!(decode_problem("invalid type: map"), None);
    }

    #[test]
    fn format_groups_thousands_and_shows_two_places() {
        assert_eq!(format_wan(d("5105.47")), "5,105.47");
        assert_eq!(format_wan(d("6772.35")), "6,772.35");
        assert_eq!(format_wan(d("0")), "0.00");
        assert_eq!(format_wan(d("234")), "234.00");
        assert_eq!(format_wan(d("-1000")), "-1,000.00");
        assert_eq!(format_wan(d("999.5")), "999.50");
        // As the form shows them: two places, rounded half up.
        assert_eq!(format_wan(d("10891.615675")), "10,891.62");
        assert_eq!(format_wan(d("2492.715675")), "2,492.72");
        assert_eq!(format_wan(d("1234567.125")), "1,234,567.13");
        assert_eq!(format_wan(d("1234567.124999")), "1,234,567.12");
        assert_eq!(format_wan(d("-0.125")), "-0.13");
        assert_eq!(format_wan(d("-0.004")), "0.00");
        assert_eq!(format_wan(d("999999999999.999999")), "1,000,000,000,000.00");
        // Beyond the format's bound nothing panics.
        assert!(format_wan(Decimal::MAX).starts_with("79,228,162,514"));
        assert!(format_difference(Decimal::MIN).starts_with("-79,228"));
    }

    #[test]
    fn a_difference_that_rounds_to_nothing_says_so() {
        assert_eq!(format_difference(d("0.000000")), "0.00");
        assert_eq!(format_difference(d("0")), "0.00");
        assert_eq!(format_difference(d("0.004")), "<0.01");
        assert_eq!(format_difference(d("-0.000001")), ">-0.01");
        assert_eq!(format_difference(d("0.005")), "0.01");
        assert_eq!(format_difference(d("-100")), "-100.00");
    }
}
