-- Substring search of the Message Log (order number, phone) with FTS5's trigram tokenizer:
-- `LIKE '%…%'` scans the whole table, a trigram MATCH answers from the index. External content
-- (no second copy of the text), kept in sync with `notifications` by the triggers below.
CREATE VIRTUAL TABLE `notifications_search` USING fts5(order_number, phone, content='notifications', content_rowid='id', tokenize='trigram');
--> statement-breakpoint
CREATE TRIGGER `notifications_search_ai` AFTER INSERT ON `notifications` BEGIN
  INSERT INTO `notifications_search`(rowid, order_number, phone) VALUES (new.id, new.order_number, new.phone);
END;
--> statement-breakpoint
CREATE TRIGGER `notifications_search_ad` AFTER DELETE ON `notifications` BEGIN
  INSERT INTO `notifications_search`(`notifications_search`, rowid, order_number, phone) VALUES ('delete', old.id, old.order_number, old.phone);
END;
--> statement-breakpoint
CREATE TRIGGER `notifications_search_au` AFTER UPDATE OF order_number, phone ON `notifications` BEGIN
  INSERT INTO `notifications_search`(`notifications_search`, rowid, order_number, phone) VALUES ('delete', old.id, old.order_number, old.phone);
  INSERT INTO `notifications_search`(rowid, order_number, phone) VALUES (new.id, new.order_number, new.phone);
END;
--> statement-breakpoint
INSERT INTO `notifications_search`(`notifications_search`) VALUES ('rebuild');
