-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "ApiKeyRole" AS ENUM ('admin', 'teacher', 'integration');

-- CreateEnum
CREATE TYPE "SubmissionStatus" AS ENUM ('queued', 'grading', 'graded', 'needs_review', 'failed');

-- CreateTable
CREATE TABLE "organizations" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "organizations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_keys" (
    "id" TEXT NOT NULL,
    "org_id" TEXT,
    "role" "ApiKeyRole" NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "key_hash" TEXT NOT NULL,
    "integration_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revoked_at" TIMESTAMP(3),

    CONSTRAINT "api_keys_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "assignments" (
    "id" TEXT NOT NULL,
    "org_id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "external_id" TEXT,
    "grading" JSONB NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "assignments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "problems" (
    "id" TEXT NOT NULL,
    "assignment_id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "statement" TEXT NOT NULL,
    "answer" TEXT,
    "reference_steps" JSONB NOT NULL,
    "definitions" JSONB NOT NULL,
    "points" DOUBLE PRECISION NOT NULL,
    "policy" JSONB NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "reference_status" TEXT NOT NULL DEFAULT 'ready',

    CONSTRAINT "problems_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "references" (
    "id" TEXT NOT NULL,
    "problem_id" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "model" TEXT NOT NULL DEFAULT '',
    "prompt_version" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL,
    "reason" TEXT,
    "steps" JSONB NOT NULL,
    "final_answer" TEXT,
    "reasoning" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "references_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "batches" (
    "id" TEXT NOT NULL,
    "org_id" TEXT NOT NULL,
    "assignment_id" TEXT NOT NULL,
    "total" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completed_at" TIMESTAMP(3),

    CONSTRAINT "batches_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "submissions" (
    "id" TEXT NOT NULL,
    "org_id" TEXT NOT NULL,
    "assignment_id" TEXT NOT NULL,
    "batch_id" TEXT,
    "student_id" TEXT NOT NULL,
    "external_id" TEXT,
    "content_hash" TEXT NOT NULL,
    "answers" JSONB NOT NULL,
    "status" "SubmissionStatus" NOT NULL DEFAULT 'queued',
    "status_reason" TEXT,
    "score" DOUBLE PRECISION,
    "max_score" DOUBLE PRECISION,
    "result_version" INTEGER NOT NULL DEFAULT 1,
    "graded_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "submissions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "submission_results" (
    "id" TEXT NOT NULL,
    "submission_id" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "status" "SubmissionStatus" NOT NULL,
    "status_reason" TEXT,
    "score" DOUBLE PRECISION NOT NULL,
    "max_score" DOUBLE PRECISION NOT NULL,
    "graded_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "submission_results_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "answer_results" (
    "id" TEXT NOT NULL,
    "result_id" TEXT NOT NULL,
    "problem_key" TEXT NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "max_score" DOUBLE PRECISION NOT NULL,
    "final_answer" JSONB NOT NULL,
    "first_error_step" INTEGER,
    "steps" JSONB NOT NULL,
    "skipped_reference_steps" JSONB NOT NULL,
    "feedback" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "answer_results_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "overrides" (
    "id" TEXT NOT NULL,
    "submission_id" TEXT NOT NULL,
    "problem_key" TEXT NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "comment" TEXT NOT NULL,
    "by" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "overrides_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "pool_settings" (
    "name" TEXT NOT NULL,
    "concurrency" INTEGER NOT NULL,
    "paused" BOOLEAN NOT NULL DEFAULT false,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "pool_settings_pkey" PRIMARY KEY ("name")
);

-- CreateIndex
CREATE UNIQUE INDEX "api_keys_key_hash_key" ON "api_keys"("key_hash");

-- CreateIndex
CREATE INDEX "api_keys_org_id_idx" ON "api_keys"("org_id");

-- CreateIndex
CREATE INDEX "assignments_org_id_created_at_idx" ON "assignments"("org_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "assignments_org_id_external_id_key" ON "assignments"("org_id", "external_id");

-- CreateIndex
CREATE UNIQUE INDEX "problems_assignment_id_key_key" ON "problems"("assignment_id", "key");

-- CreateIndex
CREATE UNIQUE INDEX "references_problem_id_revision_model_prompt_version_key" ON "references"("problem_id", "revision", "model", "prompt_version");

-- CreateIndex
CREATE INDEX "batches_org_id_idx" ON "batches"("org_id");

-- CreateIndex
CREATE INDEX "submissions_assignment_id_student_id_created_at_idx" ON "submissions"("assignment_id", "student_id", "created_at");

-- CreateIndex
CREATE INDEX "submissions_batch_id_status_idx" ON "submissions"("batch_id", "status");

-- CreateIndex
CREATE INDEX "submissions_status_updated_at_idx" ON "submissions"("status", "updated_at");

-- CreateIndex
CREATE UNIQUE INDEX "submissions_org_id_external_id_key" ON "submissions"("org_id", "external_id");

-- CreateIndex
CREATE UNIQUE INDEX "submission_results_submission_id_version_key" ON "submission_results"("submission_id", "version");

-- CreateIndex
CREATE UNIQUE INDEX "answer_results_result_id_problem_key_key" ON "answer_results"("result_id", "problem_key");

-- CreateIndex
CREATE UNIQUE INDEX "overrides_submission_id_problem_key_key" ON "overrides"("submission_id", "problem_key");

-- AddForeignKey
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "problems" ADD CONSTRAINT "problems_assignment_id_fkey" FOREIGN KEY ("assignment_id") REFERENCES "assignments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "references" ADD CONSTRAINT "references_problem_id_fkey" FOREIGN KEY ("problem_id") REFERENCES "problems"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "batches" ADD CONSTRAINT "batches_assignment_id_fkey" FOREIGN KEY ("assignment_id") REFERENCES "assignments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_assignment_id_fkey" FOREIGN KEY ("assignment_id") REFERENCES "assignments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_batch_id_fkey" FOREIGN KEY ("batch_id") REFERENCES "batches"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "submission_results" ADD CONSTRAINT "submission_results_submission_id_fkey" FOREIGN KEY ("submission_id") REFERENCES "submissions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "answer_results" ADD CONSTRAINT "answer_results_result_id_fkey" FOREIGN KEY ("result_id") REFERENCES "submission_results"("id") ON DELETE CASCADE ON UPDATE CASCADE;
