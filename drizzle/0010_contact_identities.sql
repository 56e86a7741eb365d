CREATE TABLE `contact_identities` (
	`user_id` text PRIMARY KEY NOT NULL,
	`phone` text,
	`parent_user_id` text,
	`username` text,
	`last_inbound_at` integer,
	`first_seen_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `contact_identities_phone_idx` ON `contact_identities` (`phone`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_blacklist` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`phone` text,
	`user_id` text,
	`username` text,
	`matched_by` text DEFAULT 'phone' NOT NULL,
	`reason` text NOT NULL,
	`added_at` integer NOT NULL,
	`source` text NOT NULL
);
--> statement-breakpoint
INSERT INTO `__new_blacklist`("id", "phone", "reason", "added_at", "source") SELECT "id", "phone", "reason", "added_at", "source" FROM `blacklist`;--> statement-breakpoint
DROP TABLE `blacklist`;--> statement-breakpoint
ALTER TABLE `__new_blacklist` RENAME TO `blacklist`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `blacklist_phone_unique` ON `blacklist` (`phone`);--> statement-breakpoint
CREATE UNIQUE INDEX `blacklist_user_id_unique` ON `blacklist` (`user_id`);--> statement-breakpoint
CREATE INDEX `blacklist_added_idx` ON `blacklist` (`added_at`);