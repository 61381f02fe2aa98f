// The queue worker: one job at a time, with its own error handling.
const { SQSClient } = require('@aws-sdk/client-sqs');

const sqs = new SQSClient({});

exports.handler = async (event, context) => {
  context.callbackWaitsForEmptyEventLoop = false;
  try {
    for (const record of event.Records) {
      console.log(JSON.stringify({ job: record.messageId }));
    }
  } catch (err) {
    console.error(err);
    throw err;
  }
  return sqs ? {} : {};
};
