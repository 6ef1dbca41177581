-- AlterTable
ALTER TABLE "assignments" ADD COLUMN     "grading_changed_at" TIMESTAMP(3);
