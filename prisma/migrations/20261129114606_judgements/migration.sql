-- CreateTable
CREATE TABLE "judgements" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "assignment_id" TEXT NOT NULL,
    "problem_id" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "prompt_version" TEXT NOT NULL,
    "step_text" TEXT NOT NULL,
    "preceding_steps" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "verdict" TEXT,
    "reason" TEXT,
    "model" TEXT,
    "reasoning" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "judgements_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "judgements_key_key" ON "judgements"("key");

-- CreateIndex
CREATE INDEX "judgements_assignment_id_status_idx" ON "judgements"("assignment_id", "status");

-- CreateIndex
CREATE INDEX "judgements_status_created_at_idx" ON "judgements"("status", "created_at");
