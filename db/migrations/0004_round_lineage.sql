-- A round with children cannot be deleted (its children's lineage would be lost), and a locked round cannot change
-- or be deleted in any way: enforced by the database itself, beneath the services' own checks.
CREATE TRIGGER `rounds_no_delete_with_children` BEFORE DELETE ON `rounds`
  WHEN EXISTS (SELECT 1 FROM `rounds` AS `child` WHERE `child`.`parent_id` = OLD.`id`)
  BEGIN SELECT RAISE(ABORT, 'round has child rounds'); END;
--> statement-breakpoint
CREATE TRIGGER `rounds_locked_no_update` BEFORE UPDATE ON `rounds` WHEN OLD.`status` = 'locked'
  BEGIN SELECT RAISE(ABORT, 'round is locked'); END;
--> statement-breakpoint
CREATE TRIGGER `rounds_locked_no_delete` BEFORE DELETE ON `rounds` WHEN OLD.`status` = 'locked'
  BEGIN SELECT RAISE(ABORT, 'round is locked'); END;
