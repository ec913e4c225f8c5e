//! Reading files a user hands us, which may be huge, binary or not files at all.

use std::io::Read;
use std::path::Path;

/// Read `path` as UTF-8 text of at most `limit` bytes, checking the size before
/// reading it whole. `kind` names the file in messages ("scenario file").
/// Anything but a regular file (after following links) is refused before it is
/// opened, so a pipe or a device never blocks us. A UTF-8 byte-order mark is
/// skipped. The error is a sentence for the player, without the path.
pub fn read_limited_text(path: &Path, limit: u64, kind: &str) -> Result<String, String> {
    let meta = std::fs::metadata(path).map_err(|e| format!("cannot open: {e}"))?;
    if meta.is_dir() {
        return Err(format!("is a folder, not a {kind}"));
    }
    if !meta.is_file() {
        return Err(format!(
            "is not a regular file (a pipe, a socket or a device?), so it cannot be a {kind}"
        ));
    }
    let file = std::fs::File::open(path).map_err(|e| format!("cannot open: {e}"))?;
    let meta = file.metadata().map_err(|e| format!("cannot read: {e}"))?;
    let too_big =
        |size: u64| format!("the file is {size} bytes; {kind}s may be at most {limit} bytes");
    if meta.len() > limit {
        return Err(too_big(meta.len()));
    }
    let mut bytes = Vec::new();
    // `take` guards against a file that grows while we read it.
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read: {e}"))?;
    if bytes.len() as u64 > limit {
        return Err(too_big(bytes.len() as u64));
    }
    let bom = if bytes.starts_with(b"\xef\xbb\xbf") {
        3
    } else {
        0
    };
    String::from_utf8(bytes.split_off(bom)).map_err(|e| {
        format!(
            "this is not a {kind} (invalid UTF-8 at byte {})",
            e.utf8_error().valid_up_to() + bom
        )
    })
}
