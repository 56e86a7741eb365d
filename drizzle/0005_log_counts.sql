-- Keeps `notification_daily_counts` exact: +1 for a new row, -1 for a deleted one, and a move
-- between buckets when a row's status, type or date changes (webhooks change status all day).
CREATE TRIGGER `notification_daily_counts_ai` AFTER INSERT ON `notifications` BEGIN
  INSERT INTO `notification_daily_counts`(day, type, status, n) VALUES (new.created_at / 86400000, new.type, new.status, 1)
    ON CONFLICT(day, type, status) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `notification_daily_counts_ad` AFTER DELETE ON `notifications` BEGIN
  UPDATE `notification_daily_counts` SET n = n - 1 WHERE day = old.created_at / 86400000 AND type = old.type AND status = old.status;
END;
--> statement-breakpoint
CREATE TRIGGER `notification_daily_counts_au` AFTER UPDATE OF status, type, created_at ON `notifications`
WHEN old.status IS NOT new.status OR old.type IS NOT new.type OR old.created_at / 86400000 IS NOT new.created_at / 86400000 BEGIN
  UPDATE `notification_daily_counts` SET n = n - 1 WHERE day = old.created_at / 86400000 AND type = old.type AND status = old.status;
  INSERT INTO `notification_daily_counts`(day, type, status, n) VALUES (new.created_at / 86400000, new.type, new.status, 1)
    ON CONFLICT(day, type, status) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
INSERT INTO `notification_daily_counts`(day, type, status, n)
  SELECT created_at / 86400000, type, status, count(*) FROM `notifications` GROUP BY 1, 2, 3;
