//! The one place plan steps become SQL text.

mod alter;
mod collation;
mod drop;
mod function;
mod grant;
mod index;
pub mod names;
mod policy;
mod schema;
mod sequence;
mod table;
mod types;
mod view;

use schemadiff_plan::{Action, Plan};

/// The SQL of one step, without the trailing semicolon.
pub fn step_sql(action: &Action) -> String {
    match action {
        Action::CreateSchema(s) => schema::create_schema(s),
        Action::CreateExtension(e) => schema::create_extension(e),
        Action::CreateCollation(c) => collation::create_collation(c),
        Action::DropCollation { name } => collation::drop_collation(name),
        Action::CreateType(t) => types::create_type(t),
        Action::CreateSequence(s) => sequence::create_sequence(s),
        Action::SetSequenceOwner(s) => sequence::set_owner(s),
        Action::CreateTable(t) => table::create_table(t),
        Action::AddConstraint { table, constraint } => table::add_constraint(table, constraint),
        Action::CreateIndex(ix) => index::create_index(ix),
        Action::CreateView(v) => view::create_view(v),
        // Functions and triggers are written as the files have them.
        Action::CreateFunction(f) => f.definition.clone(),
        Action::CreateTrigger(t) => t.definition.clone(),
        Action::SetRowSecurity {
            table,
            enabled,
            forced,
        } => table::row_security(table, *enabled, *forced),
        Action::CreatePolicy(p) => policy::create_policy(p),
        Action::Grant(g) => grant::grant(g),
        Action::Comment(c) => grant::comment(c),
        Action::Verbatim(s) => s.sql.clone(),
        Action::DropSchema { name } => drop::drop_schema(name),
        Action::DropExtension { name } => drop::drop_extension(name),
        Action::AlterExtension { name, version } => {
            schema::alter_extension(name, version.as_deref())
        }
        Action::DropType { name } => drop::drop_type(name),
        Action::RenameType { from, to } => drop::rename_type(from, to),
        Action::AddEnumValue {
            ty,
            value,
            position,
        } => types::add_enum_value(ty, value, position),
        Action::AlterComposite {
            name,
            drop,
            add,
            alter,
        } => types::alter_composite(name, drop, add, alter),
        Action::AlterDomain { name, change } => types::alter_domain(name, change),
        Action::DropSequence { name } => drop::drop_sequence(name),
        Action::AlterSequence { from, to } => sequence::alter_sequence(from, to),
        Action::DropTable { name } => drop::drop_table(name),
        Action::RenameTable { from, to } => drop::rename_table(from, to),
        Action::AddColumn { table, column } => alter::add_column(table, column),
        Action::DropColumn { table, column } => alter::drop_column(table, column),
        Action::RenameColumn { table, from, to } => alter::rename_column(table, from, to),
        Action::AlterColumn {
            table,
            column,
            change,
        } => alter::alter_column(table, column, change),
        Action::AddConstraintUsingIndex {
            table,
            name,
            primary_key,
            deferrable,
        } => alter::add_constraint_using_index(table, name, *primary_key, *deferrable),
        Action::AddNotNullCheck {
            table,
            column,
            name,
        } => alter::add_not_null_check(table, column, name),
        Action::ValidateConstraint { table, name } => alter::validate_constraint(table, name),
        Action::DropConstraint { table, name } => alter::drop_constraint(table, name),
        Action::RenameConstraint { table, from, to } => alter::rename_constraint(table, from, to),
        Action::AlterRowSecurity {
            table,
            enabled,
            forced,
        } => alter::alter_row_security(table, *enabled, *forced),
        Action::SetLogged { table, unlogged } => alter::set_logged(table, *unlogged),
        Action::SetTableOptions { table, set, reset } => alter::set_options(table, set, reset),
        Action::CreateIndexConcurrently(ix) => index::create_index_concurrently(ix),
        Action::DropIndex { name } => drop::drop_index(name),
        Action::RenameIndex { from, to } => drop::rename_index(from, to),
        Action::DropView { name, materialized } => drop::drop_view(name, *materialized),
        Action::ReplaceFunction(f) => function::replace_function(&f.definition),
        Action::DropFunction {
            procedure,
            name,
            args,
        } => drop::drop_function(*procedure, name, args),
        Action::DropTrigger { table, name } => drop::drop_trigger(table, name),
        Action::AlterPolicy(p) => policy::alter_policy(p),
        Action::DropPolicy { table, name } => drop::drop_policy(table, name),
        Action::Revoke(g) => grant::revoke(g),
        Action::RemoveComment(on) => grant::remove_comment(on),
    }
}

/// The whole plan as a script `psql -v ON_ERROR_STOP=1` can run.
pub fn script(plan: &Plan) -> String {
    let mut out = String::from("-- Generated by schemadiff. Review before applying.\n");
    // Function bodies may mention objects created later; PostgreSQL checks them at call time.
    out.push_str("SET check_function_bodies = off;\n");
    for step in &plan.steps {
        out.push('\n');
        if !step.transactional {
            out.push_str("-- non-transactional: must run outside a transaction block\n");
        }
        out.push_str(&step_sql(&step.action));
        out.push_str(";\n");
    }
    out
}
