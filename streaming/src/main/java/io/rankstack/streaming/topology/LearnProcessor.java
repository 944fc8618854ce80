package io.rankstack.streaming.topology;

import io.rankstack.streaming.event.ImpressionItem;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Applies each joined impression to the learners: every {@link ContextLearner} (state keyed by
 * context), the per-(context, document) counts, and one labelled example per examined item to the
 * training-examples topic.
 */
final class LearnProcessor implements Processor<String, JoinedImpression, String, byte[]> {
  private final List<ContextLearner<?>> learners;
  private final List<KeyValueStore<String, Object>> stores = new ArrayList<>();
  private KeyValueStore<String, DocCounts> docCounts;
  private ProcessorContext<String, byte[]> context;
  private final TrainingExampleWriter examples = new TrainingExampleWriter(TrainingExample.jsonFactory());

  LearnProcessor(List<ContextLearner<?>> learners) {
    this.learners = learners;
  }

  @Override
  public void init(ProcessorContext<String, byte[]> context) {
    this.context = context;
    for (ContextLearner<?> l : learners) {
      stores.add(context.getStateStore(LearnLoopTopology.learnerStore(l.name())));
    }
    docCounts = context.getStateStore(LearnLoopTopology.DOC_COUNTS_STORE);
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public void process(Record<String, JoinedImpression> record) {
    JoinedImpression j = record.value();
    String ctx = j.contextKey();
    for (int i = 0; i < learners.size(); i++) {
      ContextLearner l = learners.get(i);
      KeyValueStore<String, Object> store = stores.get(i);
      Object s = store.get(ctx);
      store.put(ctx, l.update(s == null ? l.initial(ctx) : s, j));
    }
    for (ImpressionItem it : j.impression().items()) {
      String key = DocCounts.key(ctx, it.docId());
      DocCounts c = docCounts.get(key);
      boolean examined = j.examined(it.position());
      docCounts.put(key, (c == null ? DocCounts.ZERO : c).plus(examined, j.clicked(it.position())));
      if (examined) {
        context.forward(new Record<>(ctx, examples.write(j, it), record.timestamp()),
            LearnLoopTopology.TRAINING_SINK);
      }
    }
  }
}
