CREATE TABLE `order_refunds` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`order_id` integer NOT NULL,
	`refund_key` text NOT NULL,
	`amount_minor` integer NOT NULL,
	`at` integer NOT NULL,
	`reason` text,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `order_refunds_key_unique` ON `order_refunds` (`order_id`,`refund_key`);--> statement-breakpoint
CREATE TABLE `order_shipments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`order_id` integer NOT NULL,
	`shipment_key` text NOT NULL,
	`carrier` text,
	`tracking_number` text,
	`tracking_url` text,
	`shipped_at` integer,
	`delivered_at` integer,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `order_shipments_key_unique` ON `order_shipments` (`order_id`,`shipment_key`);--> statement-breakpoint
CREATE TABLE `orders` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`source` text NOT NULL,
	`external_id` text NOT NULL,
	`number` text NOT NULL,
	`customer_name` text NOT NULL,
	`phone` text,
	`phone_e164` text,
	`total_minor` integer NOT NULL,
	`currency` text NOT NULL,
	`status` text NOT NULL,
	`cancel_reason` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`seen_at` integer NOT NULL,
	`source_state` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `orders_source_external_unique` ON `orders` (`source`,`external_id`);--> statement-breakpoint
CREATE INDEX `orders_updated_idx` ON `orders` (`updated_at`);--> statement-breakpoint
CREATE INDEX `orders_number_idx` ON `orders` (`number`);--> statement-breakpoint
CREATE INDEX `orders_phone_idx` ON `orders` (`phone_e164`);--> statement-breakpoint
CREATE TABLE `order_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`order_id` integer,
	`source` text NOT NULL,
	`external_id` text NOT NULL,
	`event` text NOT NULL,
	`sub_id` text DEFAULT '' NOT NULL,
	`order_number` text NOT NULL,
	`occurred_at` integer NOT NULL,
	`recorded_at` integer NOT NULL,
	`superseded_by` text,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `order_events_identity_unique` ON `order_events` (`source`,`external_id`,`event`,`sub_id`);--> statement-breakpoint
CREATE INDEX `order_events_order_idx` ON `order_events` (`order_id`);--> statement-breakpoint
CREATE INDEX `order_events_recorded_idx` ON `order_events` (`recorded_at`);--> statement-breakpoint
CREATE TABLE `order_endpoint_receipts` (
	`event_id` text PRIMARY KEY NOT NULL,
	`received_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `order_endpoint_receipts_received_idx` ON `order_endpoint_receipts` (`received_at`);--> statement-breakpoint
CREATE TABLE `order_sync_state` (
	`source` text PRIMARY KEY NOT NULL,
	`cursor` text,
	`synced_at` integer NOT NULL
);
