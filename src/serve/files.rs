//! Sending a file of the built site: from the open file in chunks, with a write timeout, so
//! that memory does not grow with the file's size or with clients that do not read (40 of
//! them asking for a 20 MB file once took the server from 33 MB to 816 MB), and a file being
//! replaced meanwhile is sent whole as it was when opened. HTML gets the reload script (and
//! the overlay of errors) before its last `</body>` on the way.

use super::conn;
use std::fs::File;
use std::io::{Read, Seek, SeekFrom, Write};
use std::net::TcpStream;
use std::time::Duration;

/// The size of one read from the file and one write to the client.
const CHUNK: usize = 64 * 1024;
/// A client that takes no part of a chunk for this long is let go.
pub(super) const WRITE_TIMEOUT: Duration = Duration::from_secs(10);
const BODY_END: &[u8] = b"</body>";

/// A response's status and type.
pub(super) struct Head<'a> {
    pub code: u16,
    pub content_type: &'a str,
    pub head_only: bool,
}

/// Sends `file`, with `extra` before its last `</body>` (followed by a line break) or, in a
/// file without one, at its end.
pub(super) fn send(
    mut stream: &TcpStream,
    head: &Head<'_>,
    mut file: File,
    extra: Option<&str>,
) -> std::io::Result<()> {
    stream.set_write_timeout(Some(WRITE_TIMEOUT))?;
    let len = file.metadata()?.len();
    let (at, extra) = match extra {
        Some(e) => match last_body_end(&mut file, len)? {
            Some(at) => (at, format!("{e}\n")),
            None => (len, e.to_string()),
        },
        None => (len, String::new()),
    };
    let status_and_headers = format!(
        "HTTP/1.1 {} {}\r\nContent-Type: {}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n",
        head.code,
        conn::reason(head.code),
        head.content_type,
        len + extra.len() as u64
    );
    stream.write_all(status_and_headers.as_bytes())?;
    if !head.head_only {
        file.seek(SeekFrom::Start(0))?;
        let mut buf = vec![0u8; CHUNK];
        copy(&mut file, stream, at, &mut buf)?;
        stream.write_all(extra.as_bytes())?;
        copy(&mut file, stream, len - at, &mut buf)?;
    }
    stream.flush()
}

/// Copies `n` bytes of `file` (from where it stands) to `out`; a file that became shorter is
/// an error (the client sees a body shorter than announced rather than a wrong one).
fn copy(file: &mut File, mut out: &TcpStream, n: u64, buf: &mut [u8]) -> std::io::Result<()> {
    let mut left = n;
    while left > 0 {
        let want = buf.len().min(usize::try_from(left).unwrap_or(usize::MAX));
        let got = file.read(&mut buf[..want])?;
        if got == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        out.write_all(&buf[..got])?;
        left -= got as u64;
    }
    Ok(())
}

/// The offset of the last `</body>` of the file: looked for in its last chunk, where it
/// always is in a page kertomus writes, else through the whole file a chunk at a time.
fn last_body_end(file: &mut File, len: u64) -> std::io::Result<Option<u64>> {
    let tail = len.min(CHUNK as u64);
    let mut buf = vec![0u8; CHUNK];
    file.seek(SeekFrom::Start(len - tail))?;
    file.read_exact(&mut buf[..tail as usize])?;
    if let Some(i) = rfind(&buf[..tail as usize]) {
        return Ok(Some(len - tail + i as u64));
    }
    file.seek(SeekFrom::Start(0))?;
    let (mut found, mut start, mut kept) = (None, 0u64, 0usize);
    loop {
        // The last bytes of the chunk before stay in front, for a tag across the boundary.
        let got = file.read(&mut buf[kept..])?;
        if got == 0 {
            return Ok(found);
        }
        let filled = kept + got;
        if let Some(i) = rfind(&buf[..filled]) {
            found = Some(start + i as u64);
        }
        let keep = filled.min(BODY_END.len() - 1);
        buf.copy_within(filled - keep..filled, 0);
        start += (filled - keep) as u64;
        kept = keep;
    }
}

fn rfind(hay: &[u8]) -> Option<usize> {
    hay.windows(BODY_END.len()).rposition(|w| w == BODY_END)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find_in(bytes: &[u8]) -> Option<u64> {
        let mut f = tempfile::tempfile().unwrap();
        f.write_all(bytes).unwrap();
        last_body_end(&mut f, bytes.len() as u64).unwrap()
    }

    #[test]
    fn the_last_body_end_is_found_wherever_it_is() {
        assert_eq!(find_in(b"<p>x</p></body></html>"), Some(8));
        assert_eq!(find_in(b""), None);
        assert_eq!(find_in(b"<p>no end</p>"), None);
        // Far from the end, and across the boundary of two chunks.
        for at in [10, CHUNK - 3, CHUNK - 7, CHUNK, 2 * CHUNK - 2] {
            let mut page = vec![b'a'; at];
            page.extend_from_slice(BODY_END);
            page.extend(std::iter::repeat_n(b'z', 3 * CHUNK));
            assert_eq!(find_in(&page), Some(at as u64), "at {at}");
        }
        let mut two = b"</body>".to_vec();
        two.extend(std::iter::repeat_n(b'z', 2 * CHUNK));
        two.extend_from_slice(b"</body>");
        two.extend(std::iter::repeat_n(b'z', 2 * CHUNK));
        assert_eq!(find_in(&two), Some(7 + 2 * CHUNK as u64));
    }
}
