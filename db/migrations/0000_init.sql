CREATE TABLE `datasets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`year` integer NOT NULL,
	`pools` text NOT NULL,
	`notes` text,
	`case_count` integer DEFAULT 0 NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `datasets_name_unique` ON `datasets` (`name`);--> statement-breakpoint
CREATE TABLE `hospitals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`dataset_id` integer NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`level` integer NOT NULL,
	`type` text,
	`district` text,
	`coefficient` real,
	`evaluation_score` real,
	`position` integer NOT NULL,
	FOREIGN KEY (`dataset_id`) REFERENCES `datasets`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `hospitals_dataset_code` ON `hospitals` (`dataset_id`,`code`);--> statement-breakpoint
CREATE TABLE `drgs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`dataset_id` integer NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`mdc` text NOT NULL,
	`adrg` text,
	`drg_type` text,
	`weight` real,
	`benchmark_cost` real,
	`uniform_price` integer DEFAULT false NOT NULL,
	`per_diem` integer DEFAULT false NOT NULL,
	`position` integer NOT NULL,
	FOREIGN KEY (`dataset_id`) REFERENCES `datasets`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `drgs_dataset_code` ON `drgs` (`dataset_id`,`code`);--> statement-breakpoint
CREATE TABLE `cases` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`dataset_id` integer NOT NULL,
	`case_id` text NOT NULL,
	`hospital_code` text NOT NULL,
	`drg_code` text DEFAULT '' NOT NULL,
	`month` integer NOT NULL,
	`pool` text NOT NULL,
	`total_cost` real NOT NULL,
	`patient_pay` real NOT NULL,
	`los` integer NOT NULL,
	`special_review` integer DEFAULT 0 NOT NULL,
	`deduction` real DEFAULT 0 NOT NULL,
	FOREIGN KEY (`dataset_id`) REFERENCES `datasets`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cases_dataset_case_id` ON `cases` (`dataset_id`,`case_id`);--> statement-breakpoint
CREATE INDEX `cases_dataset_hospital` ON `cases` (`dataset_id`,`hospital_code`);--> statement-breakpoint
CREATE INDEX `cases_dataset_drg` ON `cases` (`dataset_id`,`drg_code`);--> statement-breakpoint
CREATE TABLE `rounds` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`dataset_id` integer NOT NULL,
	`name` text NOT NULL,
	`parent_id` integer,
	`status` text DEFAULT 'draft' NOT NULL,
	`reason` text,
	`params` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`dataset_id`) REFERENCES `datasets`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`parent_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `rounds_dataset` ON `rounds` (`dataset_id`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`actor` text NOT NULL,
	`action` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` integer,
	`detail` text
);
--> statement-breakpoint
CREATE INDEX `audit_entity` ON `audit_log` (`entity`,`entity_id`);