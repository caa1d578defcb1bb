//! CREATE [MATERIALIZED] VIEW.

use super::names::{list, qn};
use schemadiff_model::View;

pub fn create_view(v: &View) -> String {
    let kind = if v.materialized {
        "MATERIALIZED VIEW"
    } else {
        "VIEW"
    };
    let mut out = format!("CREATE {kind} {}", qn(&v.name));
    if !v.columns.is_empty() {
        out.push_str(&format!(" ({})", list(&v.columns)));
    }
    if !v.options.is_empty() {
        out.push_str(&format!(" WITH ({})", v.options.join(", ")));
    }
    out.push_str(&format!(" AS\n{}", v.query));
    if let Some(check) = &v.check_option {
        out.push_str(&format!(
            "\nWITH {} CHECK OPTION",
            check.to_ascii_uppercase()
        ));
    }
    if v.materialized && !v.with_data {
        out.push_str("\nWITH NO DATA");
    }
    out
}
