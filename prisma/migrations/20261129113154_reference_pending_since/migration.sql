-- AlterTable
ALTER TABLE "problems" ADD COLUMN     "reference_pending_since" TIMESTAMP(3);
