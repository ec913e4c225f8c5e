//! Text cut or wrapped to a width, measured in terminal columns (wide
//! characters count double).

use ratatui::text::Line;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// `text` in at most `n` terminal columns, an ellipsis marking a cut.
pub fn clip(text: &str, n: usize) -> String {
    if text.width() <= n {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > n {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// `text` broken into lines of at most `width` terminal columns, at spaces
/// where it can be; a word longer than a line is split. Never an empty list.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(2);
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let mut word = word.to_string();
        loop {
            let used = line.width();
            let gap = usize::from(used > 0);
            if used + gap + word.width() <= width {
                if gap == 1 {
                    line.push(' ');
                }
                line.push_str(&word);
                break;
            }
            if used > 0 {
                lines.push(std::mem::take(&mut line));
                continue;
            }
            // A word longer than a whole line: as much of it as fits.
            let mut cut = 0;
            let mut taken = 0;
            for (i, c) in word.char_indices() {
                let w = c.width().unwrap_or(0);
                if taken + w > width {
                    break;
                }
                taken += w;
                cut = i + c.len_utf8();
            }
            // (At least one character, so the loop always moves on.)
            let cut = cut.max(word.chars().next().map_or(0, char::len_utf8));
            let rest = word.split_off(cut);
            lines.push(word);
            word = rest;
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// Lines `text` takes wrapped at `width` cells (measured in terminal cells, so
/// wide characters count double; a word that does not fit starts a line, a
/// word longer than a line breaks).
pub fn wrapped_height(text: &str, width: u16) -> u16 {
    let width = usize::from(width.max(1));
    let mut lines = 0usize;
    for paragraph in text.split('\n') {
        let mut count = 1usize;
        let mut used = 0usize;
        for word in paragraph.split(' ') {
            let w = Line::raw(word).width();
            let need = if used == 0 { w } else { used + 1 + w };
            if need <= width {
                used = need;
                continue;
            }
            if used > 0 {
                count += 1;
            }
            if w <= width {
                used = w;
            } else {
                count += (w - 1) / width;
                used = (w - 1) % width + 1;
            }
        }
        lines += count;
    }
    lines.min(usize::from(u16::MAX)) as u16
}

/// `1 engineer`, `3 engineers`, `2 people`: a count and its noun, in the
/// singular for one and the plural otherwise. Every count the game writes
/// in words goes through it. A noun of several words changes its last
/// (`1 new engineer`, `2 new engineers`).
pub fn plural<N: std::fmt::Display + PartialEq + From<u8>>(n: N, noun: &str) -> String {
    if n == N::from(1) {
        return format!("1 {noun}");
    }
    let (head, last) = noun.rsplit_once(' ').map_or(("", noun), |(h, l)| (h, l));
    let many = match last {
        "person" => "people".to_string(),
        "was" => "were".to_string(),
        l if l.ends_with('s') || l.ends_with("sh") || l.ends_with("ch") => format!("{l}es"),
        l => format!("{l}s"),
    };
    if head.is_empty() {
        format!("{n} {many}")
    } else {
        format!("{n} {head} {many}")
    }
}

#[cfg(test)]
mod plural_tests {
    use super::plural;

    /// One of anything is singular; none and many are plural.
    #[test]
    fn one_is_singular_and_every_other_count_plural() {
        assert_eq!(plural(1, "engineer"), "1 engineer");
        assert_eq!(plural(0, "engineer"), "0 engineers");
        assert_eq!(plural(3, "manager"), "3 managers");
        assert_eq!(plural(1, "week"), "1 week");
        assert_eq!(plural(2, "VP"), "2 VPs");
        assert_eq!(plural(2, "person"), "2 people");
        assert_eq!(plural(1, "person"), "1 person");
        assert_eq!(plural(2, "new engineer"), "2 new engineers");
        assert_eq!(plural(4, "match"), "4 matches");
    }
}

#[cfg(test)]
mod clip_tests {
    use super::{clip, wrap};
    use unicode_width::UnicodeWidthStr;

    /// Words stay whole where they fit, a longer one is split, and nothing is
    /// lost or wider than the line.
    #[test]
    fn wrapping_keeps_every_word_within_the_width() {
        assert_eq!(
            wrap("The CEO refused to give VP #1 back", 16),
            ["The CEO refused", "to give VP #1", "back"]
        );
        assert_eq!(wrap("abcdefghij xy", 4), ["abcd", "efgh", "ij", "xy"]);
        assert_eq!(wrap("", 10), [""]);
        let text = "Series A closed: $9.1M at a 1.0 appetite, months of runway ahead";
        for width in 2..40 {
            let lines = wrap(text, width);
            assert!(lines.iter().all(|l| l.width() <= width));
            assert_eq!(lines.concat().replace(' ', ""), text.replace(' ', ""));
        }
        // Wide characters count as the two columns they take.
        assert_eq!(wrap("製品 🙂 ok", 5), ["製品", "🙂 ok"]);
        assert_eq!(wrap("製品製品", 5), ["製品", "製品"]);
        assert_eq!(clip("製品製品", 5), "製品…");
    }

    /// A long name is cut with an ellipsis, a short one kept whole.
    #[test]
    fn a_long_name_is_cut_with_an_ellipsis() {
        assert_eq!(
            clip("Scale-up: double the team", 22),
            "Scale-up: double the …"
        );
        assert_eq!(clip("Turnaround", 22), "Turnaround");
        assert_eq!(clip("Exactly twenty-two ch.", 22), "Exactly twenty-two ch.");
    }
}

/// A news line's week as players count weeks, from 1: the lines written
/// before the first week is played (week 0) are week 1's.
pub fn week_label(week: u32) -> String {
    format!("w{}", week.max(1))
}
