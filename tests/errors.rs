//! Every error type is a `std::error::Error` whose `Display` is its own
//! English message, so `?` works in tests and tools and a log line reads
//! as what the reviewer would have been told.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failure is a failed test

use shenhe::i18n::Lang;
use std::error::Error;

fn is_error<E: Error + Send + Sync + 'static>() {}

#[test]
fn every_error_type_is_an_error() {
    is_error::<shenhe::amount::AmountError>();
    is_error::<shenhe::load::LoadError>();
    is_error::<shenhe::load::WorkbookError>();
    is_error::<shenhe::review::journal::JournalError>();
    is_error::<shenhe::review::act::ActError>();
    is_error::<shenhe::review::export::NoticeError>();
    is_error::<shenhe::config::ConfigError>();
    is_error::<shenhe::config::KeyError>();
    is_error::<shenhe::safe_fs::OpenError>();
    is_error::<shenhe::load::convert::ConvertError>();
    is_error::<shenhe::review::notice::DeadlineError>();
    is_error::<shenhe::rules::configured::SettingError>();
}

#[test]
fn a_load_error_displays_its_english_message() {
    let err = shenhe::load::parse(b"{\"format_version\": 2}").unwrap_err();
    let shown = err.to_string();
    assert_eq!(shown, err.message(Lang::En, "a declaration"));
    assert!(shown.contains("format_version"), "{shown}");
    let boxed: Box<dyn Error> = Box::new(err);
    assert_eq!(boxed.to_string(), shown);
}
