CREATE TABLE `notification_totals` (
	`type` text NOT NULL,
	`status` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`type`, `status`)
);
--> statement-breakpoint
-- Kept exact like `notification_daily_counts` (0005): +1 for a new row, -1 for a deleted one, a
-- move between buckets when a row's status or type changes.
CREATE TRIGGER `notification_totals_ai` AFTER INSERT ON `notifications` BEGIN
  INSERT INTO `notification_totals`(type, status, n) VALUES (new.type, new.status, 1)
    ON CONFLICT(type, status) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `notification_totals_ad` AFTER DELETE ON `notifications` BEGIN
  UPDATE `notification_totals` SET n = n - 1 WHERE type = old.type AND status = old.status;
END;
--> statement-breakpoint
CREATE TRIGGER `notification_totals_au` AFTER UPDATE OF status, type ON `notifications`
WHEN old.status IS NOT new.status OR old.type IS NOT new.type BEGIN
  UPDATE `notification_totals` SET n = n - 1 WHERE type = old.type AND status = old.status;
  INSERT INTO `notification_totals`(type, status, n) VALUES (new.type, new.status, 1)
    ON CONFLICT(type, status) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
INSERT INTO `notification_totals`(type, status, n)
  SELECT type, status, count(*) FROM `notifications` GROUP BY 1, 2;
