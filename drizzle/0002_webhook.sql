CREATE TABLE `inbound_contacts` (
	`wa_id` text PRIMARY KEY NOT NULL,
	`profile_name` text,
	`last_inbound_at` integer,
	`last_inbound_wamid` text,
	`marketing_preference` text,
	`marketing_preference_at` integer,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `message_templates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`waba_id` text NOT NULL,
	`template_id` text NOT NULL,
	`name` text NOT NULL,
	`language` text NOT NULL,
	`category` text,
	`status` text NOT NULL,
	`status_reason` text,
	`parameter_format` text,
	`components_json` text,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `message_templates_template_id_unique` ON `message_templates` (`template_id`);--> statement-breakpoint
CREATE INDEX `message_templates_name_language_idx` ON `message_templates` (`name`,`language`);--> statement-breakpoint
CREATE TABLE `webhook_account_errors` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`waba_id` text,
	`phone_number_id` text,
	`code` integer,
	`title` text,
	`message` text,
	`details` text,
	`received_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `webhook_account_errors_received_idx` ON `webhook_account_errors` (`received_at`);--> statement-breakpoint
CREATE TABLE `webhook_status_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`wamid` text NOT NULL,
	`status` text NOT NULL,
	`status_at` integer NOT NULL,
	`recipient_id` text,
	`notification_id` integer,
	`outcome` text NOT NULL,
	`error_code` integer,
	`payload_json` text NOT NULL,
	`received_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `webhook_status_events_wamid_status_unique` ON `webhook_status_events` (`wamid`,`status`);--> statement-breakpoint
CREATE INDEX `webhook_status_events_outcome_idx` ON `webhook_status_events` (`outcome`);--> statement-breakpoint
CREATE INDEX `webhook_status_events_recipient_code_idx` ON `webhook_status_events` (`recipient_id`,`error_code`);--> statement-breakpoint
CREATE TABLE `app_state` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `notifications` ADD `wamid` text;--> statement-breakpoint
ALTER TABLE `notifications` ADD `wa_id` text;--> statement-breakpoint
ALTER TABLE `notifications` ADD `biz_opaque_id` text;--> statement-breakpoint
ALTER TABLE `notifications` ADD `delivered_at` integer;--> statement-breakpoint
ALTER TABLE `notifications` ADD `read_at` integer;--> statement-breakpoint
ALTER TABLE `notifications` ADD `failed_at` integer;--> statement-breakpoint
ALTER TABLE `notifications` ADD `status_at` integer;--> statement-breakpoint
ALTER TABLE `notifications` ADD `error_code` integer;--> statement-breakpoint
ALTER TABLE `notifications` ADD `error_title` text;--> statement-breakpoint
ALTER TABLE `notifications` ADD `error_details` text;--> statement-breakpoint
ALTER TABLE `notifications` ADD `pricing_category` text;--> statement-breakpoint
ALTER TABLE `notifications` ADD `pricing_billable` integer;--> statement-breakpoint
ALTER TABLE `notifications` ADD `pricing_model` text;--> statement-breakpoint
ALTER TABLE `notifications` ADD `pricing_type` text;--> statement-breakpoint
CREATE UNIQUE INDEX `notifications_wamid_unique` ON `notifications` (`wamid`);--> statement-breakpoint
CREATE INDEX `notifications_biz_opaque_idx` ON `notifications` (`biz_opaque_id`);