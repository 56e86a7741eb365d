CREATE TABLE `notification_daily_counts` (
	`day` integer NOT NULL,
	`type` text NOT NULL,
	`status` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`day`, `type`, `status`)
);
--> statement-breakpoint
CREATE INDEX `notification_daily_counts_status_idx` ON `notification_daily_counts` (`status`,`day`);--> statement-breakpoint
CREATE INDEX `notifications_status_type_created_idx` ON `notifications` (`status`,`type`,`created_at`);