//! libpq keyword/value connection strings: parsing, re-rendering with a different
//! database, and conversion to the `postgres://` URL form.

/// An ordered list of `keyword=value` pairs (order kept so rendering is stable).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ConnInfo {
    pairs: Vec<(String, String)>,
}

impl ConnInfo {
    /// Parses `host=/x user='a b' dbname=postgres`, following libpq's rules:
    /// whitespace around `=` is allowed, values may be single-quoted, and `\`
    /// escapes the next character (quoted or not).
    pub(crate) fn parse(s: &str) -> Result<ConnInfo, String> {
        let mut pairs = Vec::new();
        let mut chars = s.chars().peekable();
        loop {
            while chars.next_if(|c| c.is_whitespace()).is_some() {}
            if chars.peek().is_none() {
                break;
            }
            let mut key = String::new();
            while let Some(c) = chars.next_if(|c| *c != '=' && !c.is_whitespace()) {
                key.push(c);
            }
            while chars.next_if(|c| c.is_whitespace()).is_some() {}
            if chars.next() != Some('=') {
                return Err(format!("missing \"=\" after {key:?} in conninfo {s:?}"));
            }
            while chars.next_if(|c| c.is_whitespace()).is_some() {}
            let mut value = String::new();
            if chars.next_if_eq(&'\'').is_some() {
                loop {
                    match chars.next() {
                        None => return Err(format!("unterminated quote in conninfo {s:?}")),
                        Some('\'') => break,
                        Some('\\') => value.extend(chars.next()),
                        Some(c) => value.push(c),
                    }
                }
            } else {
                while let Some(c) = chars.next_if(|c| !c.is_whitespace()) {
                    if c == '\\' {
                        value.extend(chars.next());
                    } else {
                        value.push(c);
                    }
                }
            }
            pairs.push((key, value));
        }
        Ok(ConnInfo { pairs })
    }

    pub(crate) fn get(&self, key: &str) -> Option<&str> {
        // libpq lets a later occurrence win, so look from the back.
        self.pairs
            .iter()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// Returns a copy with `key` set to `value` (replacing every earlier occurrence).
    pub(crate) fn with(&self, key: &str, value: &str) -> ConnInfo {
        let mut pairs: Vec<_> = self
            .pairs
            .iter()
            .filter(|(k, _)| k != key)
            .cloned()
            .collect();
        pairs.push((key.to_owned(), value.to_owned()));
        ConnInfo { pairs }
    }

    /// Renders as a keyword/value string, quoting every value so spaces, quotes
    /// and empty values survive the round trip.
    pub(crate) fn to_keyword_value(&self) -> String {
        self.deduped()
            .iter()
            .map(|(k, v)| format!("{k}='{}'", v.replace('\\', "\\\\").replace('\'', "\\'")))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Renders as `postgres://user:password@host:port/dbname?other=params`.
    /// A socket directory host is percent-encoded (`%2Fvar%2Frun%2Fpostgresql`),
    /// which both libpq (psql) and tokio-postgres understand.
    pub(crate) fn to_url(&self) -> String {
        let mut url = String::from("postgres://");
        if let Some(user) = self.get("user") {
            url.push_str(&percent_encode(user));
            if let Some(password) = self.get("password") {
                url.push(':');
                url.push_str(&percent_encode(password));
            }
            url.push('@');
        }
        if let Some(host) = self.get("host") {
            if host.contains(':') && !host.starts_with('/') {
                // A bare IPv6 address needs brackets in a URL authority.
                url.push_str(&format!("[{host}]"));
            } else {
                url.push_str(&percent_encode(host));
            }
        }
        if let Some(port) = self.get("port") {
            url.push(':');
            url.push_str(port);
        }
        url.push('/');
        if let Some(dbname) = self.get("dbname") {
            url.push_str(&percent_encode(dbname));
        }
        let rest: Vec<String> = self
            .deduped()
            .iter()
            .filter(|(k, _)| {
                !matches!(k.as_str(), "user" | "password" | "host" | "port" | "dbname")
            })
            .map(|(k, v)| format!("{}={}", percent_encode(k), percent_encode(v)))
            .collect();
        if !rest.is_empty() {
            url.push('?');
            url.push_str(&rest.join("&"));
        }
        url
    }

    /// Pairs with only the last occurrence of each keyword kept (libpq semantics).
    fn deduped(&self) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = Vec::new();
        for (k, v) in &self.pairs {
            out.retain(|(seen, _)| seen != k);
            out.push((k.clone(), v.clone()));
        }
        out
    }
}

/// Encodes everything except RFC 3986 "unreserved" characters.
fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_quotes_escapes_and_spacing() {
        let ci =
            ConnInfo::parse(r"host = /tmp/x  user='a b' password='it\'s' dbname=d\ e").unwrap();
        assert_eq!(ci.get("host"), Some("/tmp/x"));
        assert_eq!(ci.get("user"), Some("a b"));
        assert_eq!(ci.get("password"), Some("it's"));
        assert_eq!(ci.get("dbname"), Some("d e"));
    }

    #[test]
    fn rejects_garbage() {
        assert!(ConnInfo::parse("host").is_err());
        assert!(ConnInfo::parse("user='x").is_err());
    }

    #[test]
    fn replacing_dbname_round_trips() {
        let ci = ConnInfo::parse("host=/var/run/postgresql user=root dbname=postgres").unwrap();
        let kv = ci.with("dbname", "sdt_x").to_keyword_value();
        assert_eq!(kv, "host='/var/run/postgresql' user='root' dbname='sdt_x'");
        assert_eq!(ConnInfo::parse(&kv).unwrap().get("dbname"), Some("sdt_x"));
    }

    #[test]
    fn url_form_encodes_socket_host_and_keeps_extras() {
        let ci = ConnInfo::parse(
            "host=/var/run/postgresql port=5433 user=root dbname=db1 sslmode=disable",
        )
        .unwrap();
        assert_eq!(
            ci.to_url(),
            "postgres://root@%2Fvar%2Frun%2Fpostgresql:5433/db1?sslmode=disable"
        );
    }
}
