//! A VP's reporting line in words, and the order the screen lists the lines.

use crate::engine::ReportingLine;

/// The reporting lines a VP can have, in the order the screen lists them.
pub const LINES: [ReportingLine; 3] = [
    ReportingLine::Cto,
    ReportingLine::Ceo { forum: true },
    ReportingLine::Ceo { forum: false },
];

/// A reporting line in a word or two, for the organisation panel.
pub fn line_short(line: ReportingLine) -> &'static str {
    match line {
        ReportingLine::Cto => "you",
        ReportingLine::Ceo { forum: true } => "CEO+forum",
        ReportingLine::Ceo { forum: false } => "CEO",
    }
}

/// A reporting line in words.
pub fn line_label(line: ReportingLine) -> &'static str {
    match line {
        ReportingLine::Cto => "reports to you",
        ReportingLine::Ceo { forum: true } => "reports to the CEO, shared forum",
        ReportingLine::Ceo { forum: false } => "reports to the CEO, no forum",
    }
}

/// A request the CEO will not discuss yet, in words.
pub fn locked_words(vp: usize, until: u32) -> String {
    format!(
        "VP #{n} keeps the line: the CEO refused before and will not discuss VP #{n} again before week {until}.",
        n = vp + 1
    )
}
