#!/bin/sh
# One-shot job of the minio-setup service: creates the publish bucket with
# versioning (every overwritten or deleted object stays restorable, see
# docs/deploy.md "Backup and restore") and an application user that can touch
# only that bucket, so the CMS never holds MinIO's root credentials.
# Safe to run again: every step is idempotent.
set -eu

: "${MINIO_ROOT_USER:?}" "${MINIO_ROOT_PASSWORD:?}" "${S3_BUCKET:?}" "${MEDIA_S3_BUCKET:?}"
: "${AWS_ACCESS_KEY_ID:?}" "${AWS_SECRET_ACCESS_KEY:?}"

mc alias set cong http://minio:9000 "$MINIO_ROOT_USER" "$MINIO_ROOT_PASSWORD"
mc mb --ignore-existing "cong/$S3_BUCKET"
mc version enable "cong/$S3_BUCKET"
# Media of the CMS (MEDIA_STORAGE=s3): private, versioned like the sites.
mc mb --ignore-existing "cong/$MEDIA_S3_BUCKET"
mc version enable "cong/$MEDIA_S3_BUCKET"

policy=/tmp/cong-publish-policy.json
cat > "$policy" <<POLICY
{
  "Version": "2012-10-17",
  "Statement": [
    {"Effect": "Allow", "Action": ["s3:ListBucket", "s3:GetBucketLocation"],
     "Resource": ["arn:aws:s3:::$S3_BUCKET", "arn:aws:s3:::$MEDIA_S3_BUCKET"]},
    {"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"],
     "Resource": ["arn:aws:s3:::$S3_BUCKET/*", "arn:aws:s3:::$MEDIA_S3_BUCKET/*"]}
  ]
}
POLICY
mc admin policy create cong cong-publish "$policy"
mc admin user add cong "$AWS_ACCESS_KEY_ID" "$AWS_SECRET_ACCESS_KEY"
# Attaching twice is an error in mc; on a re-run the policy is already there.
mc admin policy attach cong cong-publish --user "$AWS_ACCESS_KEY_ID" || echo "policy already attached"
echo "buckets $S3_BUCKET and $MEDIA_S3_BUCKET ready (versioned), user $AWS_ACCESS_KEY_ID limited to them"
