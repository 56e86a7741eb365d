CREATE TABLE `refused_orders` (
	`source` text NOT NULL,
	`external_id` text NOT NULL,
	`number` text,
	`issues` text NOT NULL,
	`excerpt` text NOT NULL,
	`first_seen_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	`times` integer NOT NULL,
	PRIMARY KEY(`source`, `external_id`)
);
--> statement-breakpoint
CREATE INDEX `refused_orders_last_seen_idx` ON `refused_orders` (`last_seen_at`);