-- Triggers on orders, written before the table and the functions they call.
CREATE TRIGGER orders_touch
    BEFORE UPDATE ON shop.orders
    FOR EACH ROW EXECUTE FUNCTION shop.touch_updated_at();

CREATE TRIGGER orders_status_changed
    AFTER UPDATE OF status ON shop.orders
    FOR EACH ROW
    WHEN (OLD.status IS DISTINCT FROM NEW.status)
    EXECUTE FUNCTION shop.touch_updated_at();

CREATE TRIGGER orders_audit
    AFTER INSERT OR UPDATE OR DELETE ON shop.orders
    FOR EACH STATEMENT EXECUTE PROCEDURE audit.log_statement();
