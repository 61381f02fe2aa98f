// The order handler: thumbnails uploads and records orders.
const AWS = require('aws-sdk');

exports.handler = async (event) => {
  const db = new AWS.DynamoDB.DocumentClient();
  const s3 = new AWS.S3();
  for (const record of event.Records || []) {
    const object = await s3.getObject({ Bucket: record.s3.bucket.name, Key: record.s3.object.key }).promise();
    await s3.putObject({ Bucket: record.s3.bucket.name, Key: 'thumbs/' + record.s3.object.key, Body: object.Body }).promise();
    await db.put({ TableName: 'orders-table', Item: { id: record.s3.object.key } }).promise();
  }
  return { statusCode: 200 };
};
