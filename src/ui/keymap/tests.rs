//! The key table's own rules: no key means two things in one context, and
//! every context can be left.

use super::*;

/// Every context, read off the enum: the match has no wildcard, so it only
/// compiles while the list names every variant.
fn every_context() -> Vec<Context> {
    macro_rules! all {
        ($($c:ident),*) => {{
            fn listed(c: Context) {
                match c {
                    $(C::$c)|* => {}
                }
            }
            let _ = listed;
            vec![$(C::$c),*]
        }};
    }
    all!(Title, Picker, Week, Event, Help, Log, Quit, ConfirmEnd, End, Replay, Runs, Coach)
}

#[test]
fn no_key_means_two_things_in_one_context() {
    for ctx in every_context() {
        let mut seen: Vec<KeyCode> = Vec::new();
        for b in bindings(ctx) {
            for k in b.keys {
                assert!(!seen.contains(k), "{k:?} bound twice in {ctx:?}");
                seen.push(*k);
            }
        }
    }
}

#[test]
fn every_context_can_be_left() {
    for ctx in [C::Title, C::Picker, C::Week, C::End, C::Replay, C::Runs] {
        assert!(bindings(ctx).any(|b| b.action == Action::Quit), "{ctx:?}");
    }
    for ctx in [C::Event, C::Help, C::Log, C::Coach] {
        assert!(bindings(ctx).any(|b| b.action == Action::Back), "{ctx:?}");
    }
}
